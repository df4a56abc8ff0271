@edition-2026-27
Feature: Sexting between children (86) and sexual grooming (88A)
  CRR 2026/27 pp.66-67. A child who makes and sends an indecent image of themselves is recorded
  for obscene publications (one crime, however many recipients) unless unduly forced into it. An
  adult's sexual communication with a child under 16 is 88A, and meeting the child afterwards with
  intent is 88A by the child's sex; sexual activity after grooming is recorded as the sexual
  offence only.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a parent or carer

  Scenario: A 13-year-old boy sends the same indecent image of himself to two girls: one crime of obscene publications (p.66)
    Given "B" is a boy aged 13
    And act "a1" is a self generated indecent image by "B"
    And act "a1" has unduly forced "no"
    When the incident is decided
    Then 1 crime is recorded
    And rule "sexting.self-generated-image" fired
    And every act is accounted for

  Scenario: A child unduly forced into sending an image of themselves has no crime recorded against them (p.66)
    Given "B" is a boy aged 13
    And act "a1" is a self generated indecent image by "B"
    And act "a1" has unduly forced "yes"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "sexting.unduly-forced" as a no crime

  Scenario Outline: Sexual communication with a child under 16, and meeting after it (pp.66-67)
    Given "C" is a <child> aged 14
    And "A" is a man aged 30
    And "A" is the stranger of "C"
    And act "a1" is a sexual communication with child by "A" against "C"
    And act "a1" has meeting "<meeting>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 88A "<code>" is recorded for "C"
    And rule "<rule>" fired

    Examples:
      | child | meeting | code   | rule                          |
      | girl  | no      | 071/17 | grooming.sexual-communication |
      | girl  | yes     | 088/01 | grooming.meeting.female       |
      | boy   | yes     | 088/02 | grooming.meeting.male         |

  Scenario: Sexual activity following grooming is recorded as the sexual offence only (p.66)
    Given "C" is a girl aged 14
    And "A" is a man aged 30
    And "A" is the stranger of "C"
    And the acts are:
      | act | type                            | by | against | meeting | penetration | consent   |
      | a1  | sexual communication with child | A  | C       | yes     |             |           |
      | a2  | sexual contact                  | A  | C       |         | penis       | not given |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 19D "019/07" is recorded for "C"
    And that crime names rule "count.sexual-offence-after-grooming"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario Outline: Sexual activity with a child following grooming or arranging to meet is recorded as the substantive offence, whatever its sentence (p.66)
    Given "C" is a girl aged 14
    And "A" is a man aged 30
    And "A" is the stranger of "C"
    And the acts are:
      | act | type                            | by | against | meeting   | penetration | consent   |
      | g1  | sexual communication with child | A  | C       | <meeting> |             |           |
      | x1  | sexual contact                  | A  | C       |           | none        | not given |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 20A "020/05" is recorded for "C"
    And that crime names rule "count.sexual-offence-after-grooming"
    And act "g1" is counted in that crime because of "count.principal-crime"

    Examples:
      | meeting |
      | yes     |
      | no      |
