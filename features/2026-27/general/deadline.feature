@edition-2026-27
Feature: When to record - within 24 hours of the first report
  CRR 2026/27 p.10. A crime is recorded as soon as enough is known, on the day of the report and no
  later than 24 hours after it; recording never waits for an investigation. Decisions are made
  under the edition in force on the report date.

  Background:
    Given "V" is a woman aged 30
    And "S" is a man aged 25
    And "S" is the stranger of "V"

  Scenario: The record-by time is 24 hours after the first report
    Given an incident reported at "2026-07-15T23:30:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided at "2026-07-16T08:00:00Z"
    Then the record-by time is "2026-07-16T23:30:00Z"
    And the recording deadline has not passed
    And the decision is made under edition "2026-27"

  Scenario: A decision asked for after the 24 hours says the deadline has passed
    Given an incident reported at "2026-07-15T23:30:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided at "2026-07-17T00:00:00Z"
    Then a crime of 105A "105/01" is recorded for "V"
    And the recording deadline has passed

  Scenario Outline: The 24 hours run up to and including the record-by time (p.10)
    Given an incident reported at "2026-07-15T23:30:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided at "<decided at>"
    Then a crime of 105A "105/01" is recorded for "V"
    And the record-by time is "2026-07-16T23:30:00Z"
    And the recording deadline <state> passed

    Examples:
      | decided at           | state   |
      | 2026-07-16T23:29:59Z | has not |
      | 2026-07-16T23:30:00Z | has not |
      | 2026-07-16T23:30:01Z | has     |

  Scenario: A report from before any edition held is refused rather than decided under the wrong rules
    Given an incident reported at "2016-07-15T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided
    Then the report is refused because no edition is in force
