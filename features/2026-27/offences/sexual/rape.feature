@edition-2026-27
Feature: Rape - 19C to 19K
  CRR 2026/27 pp.61-63. Penetration of the vagina, anus or mouth with the penis, without consent,
  is rape; under 13 consent does not matter. The class follows the victim's sex and age (under 13,
  13 to 15, 16 and over); attempts keep the class with their own code. One crime for each person
  who penetrated the victim; offenders the victim cannot tell apart make one crime under 19J
  (female) or 19K (male). Where consent is in dispute, rape is recorded.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "S" is a man aged 20
    And "S" is the stranger of "V"

  Scenario: The rape of a 14-year-old girl is 19D, rape of a female child under 16 (pp.61-62)
    Given "V" is a girl aged 14
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "not given"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 19D "019/07" is recorded for "V"
    And that crime names rule "rape.female.under-16"
    And that crime cites "CRR 2026/27 pp.61-62"

  Scenario: A child under 13 cannot consent: a willing 12-year-old girl is still raped (p.61)
    Given "V" is a girl aged 12
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "willing"
    When the incident is decided
    Then a crime of 19E "019/16" is recorded for "V"

  Scenario: Where the issue is over consent, rape is recorded (p.63)
    Given "V" is a woman aged 25
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "in dispute"
    When the incident is decided
    Then a crime of 19C "019/08" is recorded for "V"
    And the decision notes "sexual.consent-in-dispute" for act "a1"

  Scenario: Intercourse an adult agreed to is no crime
    Given "V" is a woman aged 25
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "willing"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "ncrs.no-notifiable-offence"

  Scenario: Without knowing whether the woman consented the rape cannot be decided
    Given "V" is a woman aged 25
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    When the incident is decided
    Then the outcome is "more information required"
    And act "a1" is undecided
    And the decision asks for "acts[a1].attributes.consent"
    And every act is accounted for

  Scenario: One crime for each person who penetrated the victim (p.61 General rule)
    Given "V" is a woman aged 25
    And "T" is a man aged 22
    And "T" is the stranger of "V"
    And the acts are:
      | act | type           | by | against | penetration | consent   |
      | a1  | sexual contact | S  | V       | penis       | not given |
      | a2  | sexual contact | T  | V       | penis       | not given |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 19C "019/08" is recorded for "V"
    And every act is accounted for

  Scenario: Some offenders identified, others not: one crime each for those identified and one 19J for the rest (p.62)
    Given "V" is a woman aged 25
    And "U" is a man of unknown age
    And "U" is the stranger of "V"
    And the acts are:
      | act | type           | by | against | penetration | consent   | offenders undefined |
      | a1  | sexual contact | S  | V       | penis       | not given | no                  |
      | a2  | sexual contact | U  | V       | penis       | not given | yes                 |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 19C "019/08" is recorded for "V"
    And that crime covers acts "a1"
    And a crime of 19J "019/08" is recorded for "V"
    And that crime covers acts "a2"
    And every act is accounted for

  Scenario Outline: Victim's sex and age, attempt and undefined offenders decide the rape class and code (pp.61-62)
    Given "V" is a <victim> aged <age>
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "not given"
    And act "a1" has attempt "<attempt>"
    And act "a1" has offenders undefined "<undefined>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | victim | age | attempt | undefined | class | code   | rule                                                         |
      | girl   | 12  | no      | no        | 19E   | 019/16 | rape.female.under-13                                         |
      | girl   | 12  | yes     | no        | 19E   | 019/18 | rape.female.under-13.attempt                                 |
      | girl   | 12  | no      | yes       | 19J   | 019/16 | rape.female.multiple-undefined-offenders.under-13            |
      | girl   | 12  | yes     | yes       | 19J   | 019/18 | rape.female.multiple-undefined-offenders.under-13.attempt    |
      | girl   | 14  | no      | no        | 19D   | 019/07 | rape.female.under-16                                         |
      | girl   | 14  | yes     | no        | 19D   | 019/11 | rape.female.under-16.attempt                                 |
      | girl   | 14  | no      | yes       | 19J   | 019/07 | rape.female.multiple-undefined-offenders.under-16            |
      | girl   | 14  | yes     | yes       | 19J   | 019/11 | rape.female.multiple-undefined-offenders.under-16.attempt    |
      | woman  | 30  | no      | no        | 19C   | 019/08 | rape.female.16-and-over                                      |
      | woman  | 30  | yes     | no        | 19C   | 019/12 | rape.female.16-and-over.attempt                              |
      | woman  | 30  | no      | yes       | 19J   | 019/08 | rape.female.multiple-undefined-offenders.16-and-over         |
      | woman  | 30  | yes     | yes       | 19J   | 019/12 | rape.female.multiple-undefined-offenders.16-and-over.attempt |
      | boy    | 12  | no      | no        | 19H   | 019/17 | rape.male.under-13                                           |
      | boy    | 12  | yes     | no        | 19H   | 019/19 | rape.male.under-13.attempt                                   |
      | boy    | 12  | no      | yes       | 19K   | 019/17 | rape.male.multiple-undefined-offenders.under-13              |
      | boy    | 12  | yes     | yes       | 19K   | 019/19 | rape.male.multiple-undefined-offenders.under-13.attempt      |
      | boy    | 14  | no      | no        | 19G   | 019/09 | rape.male.under-16                                           |
      | boy    | 14  | yes     | no        | 19G   | 019/13 | rape.male.under-16.attempt                                   |
      | boy    | 14  | no      | yes       | 19K   | 019/09 | rape.male.multiple-undefined-offenders.under-16              |
      | boy    | 14  | yes     | yes       | 19K   | 019/13 | rape.male.multiple-undefined-offenders.under-16.attempt      |
      | man    | 30  | no      | no        | 19F   | 019/10 | rape.male.16-and-over                                        |
      | man    | 30  | yes     | no        | 19F   | 019/14 | rape.male.16-and-over.attempt                                |
      | man    | 30  | no      | yes       | 19K   | 019/10 | rape.male.multiple-undefined-offenders.16-and-over           |
      | man    | 30  | yes     | yes       | 19K   | 019/14 | rape.male.multiple-undefined-offenders.16-and-over.attempt   |
