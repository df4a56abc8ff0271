@edition-2026-27
Feature: Handling stolen goods - 54
  CRR 2026/27 p.84. Receiving, or helping to keep, move or dispose of, goods known or believed to
  be stolen, other than as one of the thieves. An offence against the state: one crime for each
  offender or group of offenders.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And "T" is a man aged 44

  Scenario Outline: How the goods were handled decides the offence code (p.84)
    Given act "h1" is a dealing with stolen goods by "T"
    And act "h1" has dealing "<dealing>"
    And act "h1" has knew or believed stolen "<knew>"
    And act "h1" has one of the thieves "<thief>"
    When the incident is decided
    Then <n> crimes are recorded
    And act "h1" is decided by rule "<rule>"
    And every act is accounted for

    Examples:
      | dealing                         | knew | thief | n | rule                              |
      | received                        | yes  | no    | 1 | handling.receiving                |
      | helped retain remove or dispose | yes  | no    | 1 | handling.retaining-or-disposing   |
      | received                        | no   | no    | 0 | handling.not-known-to-be-stolen   |
      | helped retain remove or dispose | yes  | yes   | 0 | handling.by-the-thief             |

  Scenario: One handler receiving goods from two different thefts: one crime for the offender (p.84)
    Given the acts are:
      | act | type                      | by | dealing  | knew or believed stolen |
      | h1  | dealing with stolen goods | T  | received | yes                     |
      | h2  | dealing with stolen goods | T  | received | yes                     |
    When the incident is decided
    Then 1 crime is recorded
    And every act is accounted for
