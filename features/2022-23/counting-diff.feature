@edition-2022-23
Feature: Conduct crimes recorded in addition, April 2018 to March 2023
  Until the 2023 review a course of conduct amounting to stalking, harassment or controlling or
  coercive behaviour was recorded as well as the most serious other crime between the same
  offender and victim; since then it is the principal crime and the other crimes are counted in
  it. The edition is chosen from the report date, and every decision says which it used.

  Background:
    Given "V" is a woman aged 30
    And "S" is a man aged 32
    And "S" is the ex-partner of "V"
    And act "c1" is a course of conduct by "S" against "V"
    And act "c1" has occasions "6"
    And act "c1" has effect on victim "fear of violence"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has intent serious harm "no"

  Scenario: Stalking with an assault reported in 2021: two crimes, the stalking in addition
    Given an incident reported at "2021-09-14T10:00:00Z" by the victim
    When the incident is decided
    Then the decision is made under edition "2022-23"
    And 2 crimes are recorded
    And a crime of 8Q "008/65" is recorded for "V"
    And that crime names rule "count.conduct-crime-in-addition"
    And a crime of 8N "008/06" is recorded for "V"
    And every act is accounted for

  Scenario: The same incident reported in 2026: one crime, the stalking, with the assault counted in it
    Given an incident reported at "2026-09-14T10:00:00Z" by the victim
    When the incident is decided
    Then the decision is made under edition "2026-27"
    And 1 crime is recorded
    And a crime of 8Q "008/65" is recorded for "V"
    And act "a1" is counted in that crime because of "count.principal-crime"

  Scenario: A report from between the editions held is refused, not decided under the wrong rules
    Given an incident reported at "2024-09-14T10:00:00Z" by the victim
    When the incident is decided
    Then the report is refused because no edition is in force

  Scenario: A named edition is used whatever the report date
    Given an incident reported at "2024-09-14T10:00:00Z" by the victim
    When the incident is decided under edition "2022-23"
    Then the decision is made under edition "2022-23"
    And 2 crimes are recorded
