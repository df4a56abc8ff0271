@edition-2026-27
Feature: Offence commencement dates - no offence is recorded for conduct before it existed
  The offence list (data/offences.yaml, from the Home Office notifiable offence list) gives the
  date each newer offence came into force: non-fatal strangulation and suffocation from 7 June
  2022, causing a child to marry without coercion from 27 February 2023 (CRR 2026/27 p.39). An
  act that happened before its offence existed is not recorded as that offence: it falls to the
  classification the other rules give, or is not recorded with the reason. The day of an act is
  when it happened, or the report time when that is not given.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "S" is a man aged 35
    And "S" is the ex-partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has strangulation or suffocation "yes"

  Scenario Outline: Strangulation before 7 June 2022 is recorded as the assault its injury makes it
    Given act "a1" has injury "<injury>"
    And act "a1" happened at "<at>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "assault.strangulation" <effect>

    Examples:
      | at                   | injury | class | code   | effect                                                  |
      | 2022-06-06T23:00:00Z | minor  | 8N    | 008/06 | was overridden by "offence.not-in-force-at-the-time"   |
      | 2022-06-06T23:00:00Z | none   | 105A  | 105/01 | was overridden by "offence.not-in-force-at-the-time"   |
      | 2022-06-07T00:00:00Z | none   | 8N    | 008/77 | fired                                                   |
      | 2024-01-10T12:00:00Z | minor  | 8N    | 008/77 | fired                                                   |

  Scenario: The decision says why the newer offence was set aside
    Given act "a1" has injury "minor"
    And act "a1" happened at "2021-11-20T21:00:00Z"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "offence.not-in-force-at-the-time" for act "a1"
    And every act is accounted for

  Scenario: With no time of the act, the report time is its day
    Given an incident reported at "2021-03-01T10:00:00Z" by the victim
    And act "a1" has injury "none"
    When the incident is decided under edition "2026-27"
    Then a crime of 105A "105/01" is recorded for "V"
    And rule "assault.strangulation" was overridden by "offence.not-in-force-at-the-time"

  Scenario: Causing a child to marry without coercion, before 27 February 2023, is not recorded, with the reason (p.39)
    Given "C" is a girl aged 16
    And act "m1" is a causing marriage by "S" against "C"
    And act "m1" has coercion used "no"
    And act "m1" happened at "2022-08-01T12:00:00Z"
    When the incident is decided
    Then act "m1" is not recorded because of "offence.not-in-force-at-the-time"
    And the decision notes "offence.not-in-force-at-the-time" for act "m1"
    And every act is accounted for

  Scenario: Forcing a child to marry by threats before 27 February 2023 was forced marriage (p.39)
    Given "C" is a girl aged 16
    And act "m1" is a causing marriage by "S" against "C"
    And act "m1" has coercion used "yes"
    And act "m1" happened at "2022-08-01T12:00:00Z"
    When the incident is decided
    Then a crime of 36 "036/05" is recorded for "C"
    And rule "forced-marriage.child" was overridden by "offence.not-in-force-at-the-time"

  Scenario: Causing a child to marry after 27 February 2023 is the child offence, with or without coercion (p.39)
    Given "C" is a girl aged 16
    And act "m1" is a causing marriage by "S" against "C"
    And act "m1" has coercion used "no"
    And act "m1" happened at "2023-03-01T12:00:00Z"
    When the incident is decided
    Then a crime of 36 "036/15" is recorded for "C"
