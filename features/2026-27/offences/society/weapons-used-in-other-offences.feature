@edition-2026-27
Feature: A weapon used or shown in an assault or a robbery (rules/2026-27/offences/society/weapons.yaml)
  CRR 2026/27 p.94: a weapon possession offence is recorded provided the weapon has not been used
  during the commission of another notifiable offence. The weapon is said as an attribute of the
  assault or robbery it was used or shown in.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 40
    And "S" is a man aged 22
    And "S" is the stranger of "V"

  Scenario Outline: A weapon used or shown in an assault or a robbery is part of that crime (p.94)
    Given act "a1" is a <act> by "S" against "V"
    And act "a1" has <attribute> "<answer>"
    And act "a1" has weapon "<weapon>"
    When the incident is decided
    Then a crime of <class> "<code>" is recorded for "V"
    And the decision notes "weapons.used-in-assault-or-robbery" for act "a1"

    Examples:
      | act             | attribute | answer      | weapon | class | code   |
      | use of force    | injury    | minor       | used   | 8N    | 008/06 |
      | use of force    | injury    | none        | shown  | 105A  | 105/01 |

  Scenario: A knife shown to rob a person is part of the robbery (p.94; p.72)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "threatened"
    And act "a1" has property owner "individual"
    And act "a1" has weapon "shown"
    When the incident is decided
    Then a crime of 34B "034/01" is recorded for "V"
    And the decision notes "weapons.used-in-assault-or-robbery" for act "a1"

  Scenario: No weapon: no such note
    Given act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has weapon "none"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision does not note "weapons.used-in-assault-or-robbery"
