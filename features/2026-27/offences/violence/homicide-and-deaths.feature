@edition-2026-27
Feature: Homicide and N300 reported incidents of sudden or unexpected death
  CRR 2026/27 pp.34-37. One record for each death reported. A death police believe to be a
  homicide is recorded as a crime at once; any other death not believed natural is recorded as an
  N300 reported incident at the first opportunity, whoever reports it, and its code follows what
  the investigation finds. Each stage of a worked example is decided on the facts known then.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "D" is a man aged 30

  Scenario: Example 1 - a man found with head injuries after a street fight, believed assaulted, is murder (p.35)
    Given "D" is a man aged 19
    And the acts are:
      | act | type           | by | against | believed cause   |
      | d1  | reported death |    | D       | unlawful killing |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 1 "001/01" is recorded for "D"
    And that crime cites "p.34"
    And rule "death.victim-cannot-confirm" fired
    And the decision notes "death.victim-cannot-confirm" for act "d1"
    And the decision does not ask for "persons[D].attributes.confirmation"

  Scenario Outline: Examples 2, 3, 5, 6 and 8-10 - a death is recorded at each stage by what is then known (pp.35-37)
    Given "D" is a <sex> aged <age>
    And the acts are:
      | act | type           | by | against | believed cause | n300 already recorded |
      | d1  | reported death |    | D       | <cause>        | <already>             |
    When the incident is decided
    Then no crimes are recorded
    And act "d1" is not recorded because of "<rule>" as a <disposition>
    And every act is accounted for

    Examples:
      | sex    | age | cause                           | already | rule                                 | disposition         |
      # Example 2: found dead in the street, no reason
      | person | 20  | not yet known                   | no      | death.n300.not-yet-known             | notifiable incident |
      # Example 3: found at the foot of the stairs
      | person | 56  | not yet known                   | no      | death.n300.not-yet-known             | notifiable incident |
      # Example 3: then confirmed natural causes
      | person | 56  | natural causes                  | yes     | death.n300.natural-causes-after-n300 | notifiable incident |
      # Example 5: found in bed, no suspicious circumstances
      | man    | 80  | natural causes                  | no      | death.natural-causes                 | no crime            |
      # Example 5: post-mortem finds a skull fracture
      | man    | 80  | not yet known                   | no      | death.n300.not-yet-known             | notifiable incident |
      # Example 5: the SIO finds he fell and hit his head
      | man    | 80  | accident                        | yes     | death.n300.accident                  | notifiable incident |
      # Example 6: post-mortem finds a fractured jaw
      | man    | 76  | not yet known                   | no      | death.n300.not-yet-known             | notifiable incident |
      # Example 8: believed drugs overdose, cause pending
      | person | 32  | not yet known                   | no      | death.n300.not-yet-known             | notifiable incident |
      # Example 8: drugs element confirmed, no offence
      | person | 32  | drugs                           | yes     | death.n300.drugs                     | notifiable incident |
      # Example 9: fall from a tall block of flats
      | man    | 25  | not yet known                   | no      | death.n300.not-yet-known             | notifiable incident |
      # Example 9: the coroner gives an open verdict
      | man    | 25  | open verdict                    | yes     | death.n300.open-verdict              | notifiable incident |
      # Example 10: infant found unresponsive in his cot
      | boy    | 0   | not yet known                   | no      | death.n300.not-yet-known             | notifiable incident |
      # Example 10: sudden unexplained death of an infant
      | boy    | 0   | unexplained after investigation | yes     | death.n300.child                     | notifiable incident |

  Scenario: Example 2 - after the post-mortem finds an unlawful killing, murder is recorded (p.35)
    Given "D" is a person aged 20
    And the acts are:
      | act | type           | by | against | believed cause   |
      | d1  | reported death |    | D       | unlawful killing |
    When the incident is decided
    Then a crime of 1 "001/01" is recorded for "D"
    And that crime names rule "death.homicide.murder"

  Scenario: Example 4 - an elderly man dead in bed, natural causes believed from the outset: no N300 (p.36)
    Given "D" is a man aged 70
    And the acts are:
      | act | type           | by | against | believed cause |
      | d1  | reported death |    | D       | natural causes |
    When the incident is decided
    Then the outcome is "no crime"
    And act "d1" is not recorded because of "death.natural-causes" as a no crime

  Scenario: Examples 4-6 - a force that records every death records natural causes as N300/07 (p.36)
    Given "D" is a man aged 70
    And the acts are:
      | act | type           | by | against | believed cause | force records natural deaths |
      | d1  | reported death |    | D       | natural causes | yes                          |
    When the incident is decided
    Then the outcome is "notifiable incident"
    And act "d1" is not recorded because of "death.n300.natural-causes-voluntary" as a notifiable incident

  Scenario: Example 6 - forced entry and a causal link to the fractured jaw: the N300 becomes murder (p.36)
    Given "D" is a man aged 76
    And the acts are:
      | act | type           | by | against | believed cause   | n300 already recorded |
      | d1  | reported death |    | D       | unlawful killing | yes                   |
    When the incident is decided
    Then a crime of 1 "001/01" is recorded for "D"

  Scenario Outline: The other N300 codes and homicide classes (p.34)
    Given "D" is a <sex> aged <age>
    And "S" is a man aged 40
    And the acts are:
      | act | type           | by | against | believed cause | intent to kill or cause serious harm |
      | d1  | reported death | S  | D       | <cause>        | <intent>                             |
    When the incident is decided
    Then act "d1" is decided by rule "<rule>"
    And every act is accounted for

    Examples:
      | sex    | age | cause                           | intent | rule                                   |
      | person | 45  | suicide                         |        | death.n300.suicide                     |
      | person | 45  | road or rail                    |        | death.n300.road-or-rail                |
      | person | 45  | unexplained after investigation |        | death.n300.unexplained-adult           |
      | boy    | 0   | unlawful killing                |        | death.homicide.murder-under-one        |
      | person | 45  | unlawful killing                | no     | death.homicide.manslaughter            |
      | person | 45  | organisation gross breach       |        | death.homicide.corporate-manslaughter  |

  Scenario: A baby under one unlawfully killed is murder of a person under one (p.34)
    Given "D" is a girl aged 0
    And the acts are:
      | act | type           | by | against | believed cause   |
      | d1  | reported death |    | D       | unlawful killing |
    When the incident is decided
    Then a crime of 1 "001/02" is recorded for "D"

  Scenario: An unlawful killing clearly without intent to kill or seriously harm is manslaughter (p.34)
    Given "S" is a man aged 40
    And the acts are:
      | act | type           | by | against | believed cause   | intent to kill or cause serious harm |
      | d1  | reported death | S  | D       | unlawful killing | no                                   |
    When the incident is decided
    Then 1 crime is recorded
    And rule "death.homicide.manslaughter" fired

  Scenario: A death caused by an organisation's gross breach of its duty of care is corporate manslaughter (p.34)
    Given "S" is a person aged 40
    And the acts are:
      | act | type           | by | against | believed cause            |
      | d1  | reported death | S  | D       | organisation gross breach |
    When the incident is decided
    Then 1 crime is recorded
    And rule "death.homicide.corporate-manslaughter" fired

  Scenario: An adult death still unexplained after investigation stays N300/01 and is reviewed for a crime (p.34)
    Given the acts are:
      | act | type           | by | against | believed cause                  |
      | d1  | reported death |    | D       | unexplained after investigation |
    When the incident is decided
    Then the outcome is "notifiable incident"
    And act "d1" is not recorded because of "death.n300.unexplained-adult" as a notifiable incident

  Scenario: Without what police believe caused the death nothing can be recorded yet
    Given the acts are:
      | act | type           | by | against |
      | d1  | reported death |    | D       |
    When the incident is decided
    Then the outcome is "more information required"
    And the decision asks for "acts[d1].attributes.believed_cause"

  Scenario: An unlawful killing reported before the victim's age is known is recorded now as class 1 (p.13; p.34)
    Given "X" is a man of unknown age
    And the acts are:
      | act | type           | by | against | believed cause   |
      | d1  | reported death |    | X       | unlawful killing |
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 1 "001/01" is recorded for "X"
    And that crime is provisional
    And the decision assumed "victim's age = adult (1 year or over), not stated"
    And that crime could be changed by "persons[X].age"
    And every act is accounted for

  Scenario: The officer then learns the victim was a baby under one: the code changes to 001/02 (p.34)
    Given "X" is a boy aged 0
    And the acts are:
      | act | type           | by | against | believed cause   |
      | d1  | reported death |    | X       | unlawful killing |
    When the incident is decided
    Then a crime of 1 "001/02" is recorded for "X"
    And the decision assumed nothing
