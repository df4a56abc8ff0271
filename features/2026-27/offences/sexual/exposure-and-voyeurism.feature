@edition-2026-27
Feature: Exposure and voyeurism - 88E, and outraging public decency (66)
  CRR 2026/27 pp.69-71. One crime for each offender or group of offenders. Exposure meaning
  someone to be alarmed or distressed is 088/09; masturbating in public where two or more could
  see is outraging public decency (066/21); watching or recording a private act, up-skirting and
  filming breastfeeding are 88E voyeurism offences.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "S" is a man aged 45

  Scenario: A man masturbating in front of a group of women in a park: one crime of outraging public decency (p.71)
    Given "L1" is a woman aged 40
    And "L2" is a woman aged 42
    And "L3" is a woman aged 38
    And the acts are:
      | act | type            | by | against | masturbating | two or more could see in public | intended alarm or distress |
      | a1  | genital exposure | S  | L1      | yes          | yes                             | yes                        |
      | a2  | genital exposure | S  | L2      | yes          | yes                             | yes                        |
      | a3  | genital exposure | S  | L3      | yes          | yes                             | yes                        |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 66 "066/21" is recorded for "L1"
    And that crime covers acts "a1", "a2", "a3"
    And that crime cites "pp.69, 71"
    And every act is accounted for

  Scenario: Exposure to two people is one crime for the offender (p.69 General Rule)
    Given "W1" is a woman aged 30
    And "W2" is a girl aged 15
    And the acts are:
      | act | type             | by | against | intended alarm or distress | masturbating |
      | a1  | genital exposure | S  | W1      | yes                        | no           |
      | a2  | genital exposure | S  | W2      | yes                        | no           |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 88E "088/09" is recorded for "W1"
    And that crime covers acts "a1", "a2"

  Scenario: Where the intent for exposure cannot be shown, a lewd exposure before two or more in public is outraging public decency (p.71)
    Given "W" is a woman aged 30
    And act "a1" is a genital exposure by "S" against "W"
    And act "a1" has intended alarm or distress "no"
    And act "a1" has two or more could see in public "yes"
    When the incident is decided
    Then a crime of 66 "066/21" is recorded for "W"
    And rule "exposure.outraging-public-decency.intent-not-shown" fired

  Scenario Outline: Voyeurism offences (pp.69-70)
    Given "V" is a woman aged 24
    And act "a1" is a voyeurism by "S" against "V"
    And act "a1" has form "<form>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 88E "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | form                 | code   | rule                   |
      | observed private act | 088/10 | voyeurism.private-act  |
      | recorded private act | 088/10 | voyeurism.private-act  |
      | upskirting           | 088/12 | voyeurism.upskirting   |
      | breastfeeding        | 088/13 | voyeurism.breastfeeding|

  Scenario: Up-skirting of two passengers on a train by one offender is one crime (p.69)
    Given "V" is a woman aged 24
    And "M" is a man aged 30
    And the acts are:
      | act | type      | by | against | form       |
      | a1  | voyeurism | S  | V       | upskirting |
      | a2  | voyeurism | S  | M       | upskirting |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 88E "088/12" is recorded for "V"
