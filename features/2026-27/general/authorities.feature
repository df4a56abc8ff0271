@edition-2026-27
Feature: Other investigating authorities
  CRR 2026/27 p.17. Where another investigating authority is the victim or reports for one, the
  crime is recorded; the body with primacy of investigation records it. Allegations against police
  acting in the execution of their duty are recorded only once the Appropriate Authority finds a
  possible criminal case.

  Background:
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"

  Scenario: An investigating authority reports an assault on its officer (p.17)
    Given an incident reported at "2026-06-01T10:00:00Z" by investigating authority
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "authorities.victim-or-reporting-for-victim" for act "a1"

  Scenario: Another authority has primacy and records it (p.17 joint investigation)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has investigation primacy "other authority"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "authorities.other-authority-leads" as a crime related incident

  Scenario Outline: The police have primacy, alone or leading: police record it (p.17)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has investigation primacy "<primacy>"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "authorities.police-primacy" for act "a1"

    Examples:
      | primacy           |
      | police            |
      | joint police lead |

  Scenario: An allegation against an officer on duty, no Appropriate Authority finding yet (p.17)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" has by police on duty "yes"
    And act "a1" has appropriate authority finding "none yet"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "authorities.police-on-duty.awaiting-authority" as a crime related incident

  Scenario: An allegation against an officer on duty waits for the Appropriate Authority (p.17)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" has by police on duty "yes"
    When the incident is decided
    Then act "a1" is undecided
    And the decision asks for "acts[a1].attributes.appropriate_authority_finding"

  Scenario Outline: The Appropriate Authority finds a possible criminal case: recorded now (p.17)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" has by police on duty "yes"
    And act "a1" has appropriate authority finding "<finding>"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "authorities.police-on-duty.case-to-answer" for act "a1"

    Examples:
      | finding                   |
      | cps advice requested      |
      | charge or disposal        |
      | misconduct case to answer |

  Scenario: An allegation about an officer's off-duty conduct follows NCRS (p.17)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" has by police on duty "no"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision does not ask for "acts[a1].attributes.appropriate_authority_finding"
