@edition-2026-27
Feature: Domestic abuse flag
  CRR 2026/27 p.28. Behaviour between two people each aged 16 or over who are personally
  connected (partners and ex-partners, relatives, co-parents) is domestic abuse, and the crime is
  flagged.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim

  Scenario: An ex-partner punches a woman, causing bruising (the core example)
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the ex-partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime is flagged "domestic abuse"
    And that crime cites "p.28"
    And the record-by time is "2026-06-02T10:00:00Z"

  Scenario: The same assault without injury is common assault, still domestic abuse
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the ex-partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "domestic abuse"

  Scenario: Relatives are personally connected
    Given "V" is a man aged 70
    And "S" is a man aged 40
    And "S" is the child of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "domestic abuse"

  Scenario: A victim under 16 is not within the domestic abuse definition
    Given "V" is a girl aged 15
    And "S" is a boy aged 17
    And "S" is the partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is not flagged "domestic abuse"

  Scenario: Strangers are not personally connected
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is not flagged "domestic abuse"
    And the decision does not ask for "persons[V].age"

  Scenario: Unknown ages are asked for, not assumed
    Given "V" is a woman of unknown age
    And "S" is a man aged 36
    And "S" is the partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is not flagged "domestic abuse"
    And the decision asks for "persons[V].age"

  Scenario: An unknown relationship is asked for, not assumed
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision asks for "relationships[S,V].kind"
