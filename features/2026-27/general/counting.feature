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

  Scenario Outline: The moment the police are told closes the incident: an act from that moment on is a new crime (p.12 Finished Incident Rule)
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
      | 2026-05-20T08:00:00Z | 2 | "a2"       |

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
