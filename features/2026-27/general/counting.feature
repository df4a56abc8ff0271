@edition-2026-27
Feature: How many crimes - one crime per victim, the finished incident and principal crime rules
  CRR 2026/27 pp.12-14. Count one crime per offender-victim relationship; a sequence of crimes
  between the same offender(s) and victim reported at once is one incident, recorded as its most
  serious crime (the look-up table on p.14 guides); offending that resumes after the police have
  been told is a new crime.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "W" is a man aged 31
    And "S" is a man aged 25
    And "T" is a man aged 26
    And "S" is the stranger of "V"
    And "S" is the stranger of "W"
    And "T" is the stranger of "V"

  Scenario: One offender assaults two people: one crime for each victim (p.12)
    Given the acts are:
      | act | type         | by | against | injury |
      | a1  | use of force | S  | V       | minor  |
      | a2  | use of force | S  | W       | none   |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime names rule "count.one-crime-per-victim"
    And a crime of 105A "105/01" is recorded for "W"
    And every act is accounted for

  Scenario: Two offenders acting together against one victim: one crime (p.12)
    Given the acts are:
      | act | type         | by     | against | injury |
      | a1  | use of force | S, T   | V       | minor  |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime has offenders "S", "T"

  Scenario: Two offenders acting independently against one victim: two crimes (p.12)
    Given the acts are:
      | act | type         | by | against | injury |
      | a1  | use of force | S  | V       | minor  |
      | a2  | use of force | T  | V       | none   |
    When the incident is decided
    Then 2 crimes are recorded

  Scenario: A sequence of assaults by one offender on one victim, reported at once, is one crime (p.12)
    Given the acts are:
      | act | type         | by | against | injury |
      | a1  | use of force | S  | V       | none   |
      | a2  | use of force | S  | V       | none   |
      | a3  | use of force | S  | V       | none   |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 105A "105/01" is recorded for "V"
    And that crime covers acts "a1", "a2", "a3"
    And act "a2" is counted in that crime because of "count.finished-incident"
    And act "a3" is counted in that crime because of "count.finished-incident"
    And every act is accounted for

  Scenario: The most serious crime of the incident is recorded: violence ranked by the look-up table (pp.12-14)
    Given the acts are:
      | act | type         | by | against | injury | strangulation or suffocation |
      | a1  | use of force | S  | V       | minor  | no                           |
      | a2  | use of force | S  | V       | none   | yes                          |
      | a3  | use of force | S  | V       | none   | no                           |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/77" is recorded for "V"
    And that crime covers acts "a2", "a1", "a3"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And act "a3" is counted in that crime because of "count.principal-crime"
    And that crime cites "pp.12-14"

  Scenario: A sequence of assaults and a theft by the same offender on one victim reported at once returns one crime, the most serious, with the others negated by the principal crime rule and cited (pp.12-14)
    Given the acts are:
      | act | type            | by | against | injury | force | anything taken | property owner | from the person | property kind |
      | a1  | use of force    | S  | V       | minor  |       |                |                |                 |               |
      | a2  | use of force    | S  | V       | none   |       |                |                |                 |               |
      | a3  | taking property | S  | V       |        | none  | yes            | individual     | no              | other         |
    When the incident is decided
    Then the outcome is "record crime"
    And 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts "a1", "a2", "a3"
    And that crime names rule "assault.with-injury.abh"
    And that crime names rule "count.principal-crime"
    And that crime cites "pp.12-14"
    And act "a2" is counted in that crime because of "count.principal-crime"
    And act "a3" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Offending that resumes after the police were told is a new crime (p.12 Finished Incident Rule)
    Given the acts are:
      | act | type         | by | against | injury | at                   |
      | a1  | use of force | S  | V       | none   | 2026-06-01T09:30:00Z |
      | a2  | use of force | S  | V       | minor  | 2026-06-01T10:20:00Z |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 105A "105/01" is recorded for "V"
    And that crime covers acts "a1"
    And a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts "a2"
    And that crime names rule "count.finished-incident"

  Scenario Outline: The moment the police are told closes the incident: an act after that moment is a new crime (p.12 Finished Incident Rule)
    Given a crime "CR-101" by "S" against "V" was reported to police at "2026-05-20T08:00:00Z"
    And the acts are:
      | act | type         | by | against | injury | at                   |
      | a1  | use of force | S  | V       | none   | 2026-05-10T12:00:00Z |
      | a2  | use of force | S  | V       | minor  | <a2 at>              |
    When the incident is decided
    Then <n> crimes are recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts <acts>
    And every act is accounted for

    Examples:
      | a2 at                | n | acts       |
      | 2026-05-20T07:59:59Z | 1 | "a2", "a1" |
      | 2026-05-20T08:00:00Z | 1 | "a2", "a1" |
      | 2026-05-20T08:00:01Z | 2 | "a2"       |

  Scenario: An earlier report of the same offender and victim finishes that incident (p.12)
    Given a crime "CR-100" by "S" against "V" was reported to police at "2026-05-20T08:00:00Z"
    And the acts are:
      | act | type         | by | against | injury | at                   |
      | a1  | use of force | S  | V       | none   | 2026-05-10T12:00:00Z |
      | a2  | use of force | S  | V       | none   | 2026-05-30T12:00:00Z |
    When the incident is decided
    Then 2 crimes are recorded
    And every act is accounted for

  Scenario: An assault during which the victim's phone is damaged is recorded as the assault (p.18 example)
    Given the acts are:
      | act | type               | by | against | injury | by fire | life endangered | property kind | cost over 5000 | racially or religiously aggravated | offender ownership | non permanent |
      | a1  | use of force       | S  | V       | minor  |         |                 |               |                |                                    |                    |               |
      | a2  | damage to property | S  | V       |        | no      | no              | other         | no             | no                                 | none               | no            |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts "a1", "a2"
    And act "a2" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Acts on separate occasions between the same offender and victim, reported at once, are one crime (p.12 Finished Incident Rule)
    # The 2026/27 text: a sequence of crimes between the same offender(s) and victim is counted as
    # one crime if it is reported to police all at once; when each act happened does not split it.
    Given the acts are:
      | act | type         | by | against | injury | at                   |
      | a1  | use of force | S  | V       | none   | 2026-04-03T21:00:00Z |
      | a2  | use of force | S  | V       | minor  | 2026-05-14T22:30:00Z |
      | a3  | use of force | S  | V       | minor  | 2026-05-30T20:00:00Z |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts "a2", "a3", "a1"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And act "a3" is counted in that crime because of "count.finished-incident"
    And every act is accounted for

  Scenario: An act at the very moment the report is made has not resumed after it (p.12 Finished Incident Rule)
    Given the acts are:
      | act | type         | by | against | injury | at                   |
      | a1  | use of force | S  | V       | minor  | 2026-06-01T09:50:00Z |
      | a2  | use of force | S  | V       | none   | 2026-06-01T10:00:00Z |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts "a1", "a2"

  Scenario: Offending one minute after the report is a new crime, noted as a new incident (p.12 Finished Incident Rule)
    Given the acts are:
      | act | type         | by | against | injury | at                   |
      | a1  | use of force | S  | V       | minor  | 2026-06-01T10:01:00Z |
      | a2  | use of force | S  | V       | none   | 2026-06-01T09:00:00Z |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts "a1"
    And that crime names rule "count.finished-incident"
    And the decision notes "count.finished-incident" for act "a1"
    And a crime of 105A "105/01" is recorded for "V"
    And that crime covers acts "a2"

  Scenario: Offending after an earlier report of the same offender and victim is a new incident, noted as such (p.12)
    Given a crime "CR-100" by "S" against "V" was reported to police at "2026-05-20T08:00:00Z"
    And the acts are:
      | act | type         | by | against | injury | at                   |
      | a1  | use of force | S  | V       | minor  | 2026-05-30T12:00:00Z |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And the decision notes "count.finished-incident" for act "a1"

  # ---------------------------------------------------------------- conduct crimes (pp.55-57)

  Scenario: Harassment (s.2) is the principal crime over an assault occasioning actual bodily harm in it (p.57, 5th rule)
    Given the acts are:
      | act | type              | by | against | occasions | effect on victim  | fixated or obsessive | controlling or coercive | racially or religiously aggravated | injury |
      | c1  | course of conduct | S  | V       | 4         | alarm or distress | no                   | no                      | no                                 |        |
      | a1  | use of force      | S  | V       |           |                   |                      |                         |                                    | minor  |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8L "195/94" is recorded for "V"
    And that crime covers acts "c1", "a1"
    And that crime names rule "count.conduct.5-stalking-or-harassment-s2"
    And that crime cites "p.57 Principal crime rules for conduct crimes, 5th"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario Outline: Harassment (s.2) is not the principal crime over GBH or strangulation (p.57, 5th rule; p.14)
    Given the acts are:
      | act | type              | by | against | occasions | effect on victim  | fixated or obsessive | controlling or coercive | racially or religiously aggravated | injury   | strangulation or suffocation |
      | c1  | course of conduct | S  | V       | 4         | alarm or distress | no                   | no                      | no                                 |          |                              |
      | a1  | use of force      | S  | V       |           |                   |                      |                         |                                    | <injury> | <strangled>                  |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "<code>" is recorded for "V"
    And that crime covers acts "a1", "c1"
    And act "c1" is counted in that crime because of "count.principal-crime"

    Examples:
      | injury  | strangled | code   |
      | serious | no        | 008/01 |
      | none    | yes       | 008/77 |

  Scenario: Racially aggravated harassment without violence is the principal crime over strangulation, which is not GBH (p.57, 4th rule)
    Given the acts are:
      | act | type              | by | against | occasions | effect on victim  | fixated or obsessive | controlling or coercive | racially or religiously aggravated | injury | strangulation or suffocation |
      | c1  | course of conduct | S  | V       | 4         | alarm or distress | no                   | no                      | yes                                |        |                              |
      | a1  | use of force      | S  | V       |           |                   |                      |                         |                                    | none   | yes                          |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8M "008/56" is recorded for "V"
    And that crime names rule "count.conduct.4-aggravated-without-violence"
    And act "a1" is counted in that crime because of "count.principal-crime"

  Scenario: Racially aggravated harassment without violence is not the principal crime over GBH (p.57, 4th rule)
    Given the acts are:
      | act | type              | by | against | occasions | effect on victim  | fixated or obsessive | controlling or coercive | racially or religiously aggravated | injury  |
      | c1  | course of conduct | S  | V       | 4         | alarm or distress | no                   | no                      | yes                                |         |
      | a1  | use of force      | S  | V       |           |                   |                      |                         |                                    | serious |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/01" is recorded for "V"
    And act "c1" is counted in that crime because of "count.principal-crime"

  Scenario: Controlling or coercive behaviour is the principal crime over GBH (s.20) committed within it (p.56, 3rd rule)
    Given "P" is a man aged 40
    And "P" is the partner of "V"
    And the acts are:
      | act | type              | by | against | occasions | effect on victim          | fixated or obsessive | controlling or coercive | racially or religiously aggravated | injury  |
      | c1  | course of conduct | P  | V       | 20        | serious alarm or distress | no                   | yes                     | no                                 |         |
      | a1  | use of force      | P  | V       |           |                           |                      |                         |                                    | serious |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8U "008/67" is recorded for "V"
    And that crime names rule "count.conduct.3-controlling-or-coercive"
    And act "a1" is counted in that crime because of "count.principal-crime"

  Scenario: Racially aggravated harassment with fear of violence is the principal crime over a sexual assault (p.56, 1st rule)
    Given the acts are:
      | act | type              | by | against | occasions | effect on victim | fixated or obsessive | controlling or coercive | racially or religiously aggravated | penetration | consent   |
      | c1  | course of conduct | S  | V       | 5         | fear of violence | no                   | no                      | yes                                |             |           |
      | x1  | sexual contact    | S  | V       |           |                  |                      |                         |                                    | none        | not given |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8M "008/58" is recorded for "V"
    And that crime names rule "count.conduct.1-aggravated-fear-of-violence"
    And act "x1" is counted in that crime because of "count.principal-crime"

  Scenario: Stalking with serious alarm or distress outranks controlling or coercive behaviour by the same partner (p.56, 2nd rule)
    Given "P" is a man aged 40
    And "P" is the partner of "V"
    And the acts are:
      | act | type              | by | against | occasions | effect on victim          | fixated or obsessive | controlling or coercive | racially or religiously aggravated |
      | c1  | course of conduct | P  | V       | 20        | serious alarm or distress | no                   | yes                     | no                                 |
      | c2  | course of conduct | P  | V       | 6         | serious alarm or distress | yes                  | no                      | no                                 |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8Q "008/66" is recorded for "V"
    And that crime names rule "count.conduct.2-stalking-or-harassment-s4"
    And act "c1" is counted in that crime because of "count.principal-crime"

  Scenario: A notifiable breach is recorded in addition to the course of conduct (p.56 NB; p.89 Breaches)
    Given the acts are:
      | act | type              | by | against | occasions | effect on victim  | fixated or obsessive | controlling or coercive | racially or religiously aggravated | order                           | points to prove made out |
      | c1  | course of conduct | S  | V       | 4         | alarm or distress | no                   | no                      | no                                 |                                 |                          |
      | b1  | breach of order   | S  |         |           |                   |                      |                         |                                    | restraining order on conviction | yes                      |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8L "195/94" is recorded for "V"
    And that crime covers acts "c1"
    And a crime of 8L "008/31" is recorded with no victim
    And that crime names rule "breach.recorded-in-addition"
    And every act is accounted for

  Scenario: Controlling behaviour and a false imprisonment: the rules leave the choice to the force crime registrar (p.57)
    Given "P" is a man aged 40
    And "P" is the partner of "V"
    And the acts are:
      | act | type                       | by | against | occasions | effect on victim          | fixated or obsessive | controlling or coercive | racially or religiously aggravated | restraint | victim consented | lawful excuse |
      | c1  | course of conduct          | P  | V       | 20        | serious alarm or distress | no                   | yes                     | no                                 |           |                  |               |
      | x1  | taking or detaining person | P  | V       |           |                           |                      |                         |                                    | detained  | no               | no            |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 36 "036/03" is recorded for "V"
    And that crime names rule "count.principal-crime.refer-to-fcr"
    And the decision notes "count.principal-crime.refer-to-fcr" for act "x1"
    And act "c1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Coercive control and a theft from the victim: violence first, nothing left to the registrar (pp.13, 56)
    Given "P" is a man aged 40
    And "P" is the partner of "V"
    And the acts are:
      | act | type              | by | against | occasions | effect on victim          | fixated or obsessive | controlling or coercive | racially or religiously aggravated | force | anything taken | property owner | from the person | property kind | taken from |
      | c1  | course of conduct | P  | V       | 20        | serious alarm or distress | no                   | yes                     | no                                 |       |                |                |                 |               |            |
      | t1  | taking property   | P  | V       |           |                           |                      |                         |                                    | none  | yes            | individual     | no              | other         | elsewhere  |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8U "008/67" is recorded for "V"
    And act "t1" is counted in that crime because of "count.principal-crime"
    And the decision does not note "count.principal-crime.refer-to-fcr"

  # ---------------------------------------------------------------- the general rule (p.13)

  Scenario: Two violent crimes the look-up table does not rank together: the higher maximum sentence (p.13)
    Given the acts are:
      | act | type                       | by | against | injury | restraint   | by force or fraud | victim consented | lawful excuse |
      | a1  | use of force               | S  | V       | minor  |             |                   |                  |               |
      | x1  | taking or detaining person | S  | V       |        | taken away  | yes               | no               | no            |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 36 "036/01" is recorded for "V"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And the decision does not note "count.principal-crime.equal-maximum-sentences"

  Scenario: Two crimes with the same maximum sentence that nothing ranks: recorded provisionally, with a note to weigh the likely sentence (p.13)
    Given the acts are:
      | act | type                       | by | against | injury  | intent serious harm | restraint   | by force or fraud | victim consented | lawful excuse |
      | a1  | use of force               | S  | V       | serious | yes                 |             |                   |                  |               |
      | x1  | taking or detaining person | S  | V       |         |                     | taken away  | yes               | no               | no            |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 5D "005/01" is recorded for "V"
    And that crime names rule "count.principal-crime.equal-maximum-sentences"
    And the decision notes "count.principal-crime.equal-maximum-sentences" for act "a1"
    And act "x1" is counted in that crime because of "count.principal-crime"

  # Declared precedence by role (general/counting.yaml rule_precedence): each entry sets a group of
  # rules above another once, with its citation, instead of a link from each rule to each other.
  Scenario: Police judge recording necessary: the rule that records sets aside its family's rule that does not (pp.7-8; rule_precedence)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "serious"
    And "V" has confirmation "not_traced"
    And the incident has recording necessary "yes"
    When the incident is decided
    Then a crime of 8N "008/01" is recorded for "V"
    And rule "ncrs.third-party.victim-not-traced" was overridden by "ncrs.third-party.necessary-or-appropriate" under "precedence.recorded-despite-the-general-reason"

  Scenario: A school incident on the Serious Offence List is recorded: the schools rule that records comes first (p.12; rule_precedence)
    Given "P" is a boy aged 13
    And "Q" is a boy aged 14
    And "Q" is the acquaintance of "P"
    And act "a1" is a use of force by "Q" against "P"
    And act "a1" has injury "serious"
    And it happened at a school
    And the incident has during school hours "yes"
    When the incident is decided
    Then a crime of 8N "008/01" is recorded for "P"
    And rule "schools.crime-related-incident" was overridden by "schools.serious-injury-or-intent" under "precedence.recorded-despite-the-general-reason"

  Scenario: A crime on an arriving international flight follows the air procedure, not the place rules (p.16; rule_precedence)
    Given act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And it happened on an aircraft
    And the incident has flight "international arriving"
    And the incident has where committed "outside uk"
    When the incident is decided
    Then act "a1" is not recorded because of "location.air.international-arrival" as a crime related incident
    And rule "location.outside-uk" was overridden by "location.air.international-arrival" under "precedence.the-air-decides-who-records"

  Scenario: A crime on the railway in another force's area is for British Transport Police (p.16; rule_precedence)
    Given act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And it happened on a railway
    And the incident has where committed "another force area"
    And it happened in the "Kent" force area
    When the incident is decided
    Then act "a1" is transferred to "British Transport Police" because of "location.british-transport-police"
    And rule "location.another-force-area" was overridden by "location.british-transport-police" under "precedence.british-transport-police-records"

  Scenario Outline: Modern slavery in Scotland or Northern Ireland is transferred whatever its offence (p.49; rule_precedence)
    Given act "a1" is a modern slavery exploitation by "S" against "V"
    And act "a1" has form "<form>"
    And act "a1" has where exploited "scotland"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is transferred to "Police Scotland" because of "slavery.scotland"
    And rule "<rule>" was overridden by "slavery.scotland" under "precedence.modern-slavery-where-exploited"

    Examples:
      | form          | rule                  |
      | forced labour | slavery.forced-labour |
      | trafficking   | slavery.trafficking   |

  Scenario: Making off without payment and paying before police contact is not recorded (p.83; rule_precedence)
    Given act "m1" is a leaving without paying by "S" against "V"
    And act "m1" has paid before police contact "yes"
    And act "m1" has innocent mistake evidence "no"
    When the incident is decided
    Then no crimes are recorded
    And rule "theft.making-off-without-payment" was overridden by "theft.making-off-without-payment.paid-before-police" under "precedence.the-offence-page-says-not-recorded"

  Scenario: A death reported by a third party is recorded without waiting for the victim's confirmation (p.35; rule_precedence)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "D" is a man aged 19
    And the acts are:
      | act | type           | by | against | believed cause   |
      | d1  | reported death |    | D       | unlawful killing |
    When the incident is decided
    Then a crime of 1 "001/01" is recorded for "D"
    And rule "ncrs.third-party.confirm-with-victim" was overridden by "death.victim-cannot-confirm" under "precedence.the-victim-has-died"
