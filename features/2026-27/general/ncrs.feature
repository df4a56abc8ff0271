@edition-2026-27
Feature: Whether to record a crime - the National Crime Recording Standard
  CRR 2026/27 pp.6-10. The victim is believed: a victim-related crime is recorded when the account
  amounts to a notifiable offence and no credible evidence to the contrary is immediately at hand.
  Reports by others need the victim's confirmation, except from professionals, parents and carers,
  or where police judge recording necessary.

  Background:
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"

  Scenario: The victim's own account is believed and recorded (p.7 recording steps)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 8N "008/06" is recorded for "V"
    And every act is accounted for

  Scenario: A passer-by reports an assault whose victim cannot be traced (p.7 No victim - no crime)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "not_traced"
    When the incident is decided
    Then the outcome is "crime related incident"
    And no crimes are recorded
    And act "a1" is not recorded because of "ncrs.third-party.victim-not-traced" as a crime related incident
    And the decision notes "when.tell-the-victim-when-not-recorded" for act "a1"
    And every act is accounted for

  Scenario: The traced victim does not confirm a third party's report (p.9 Crime Related Incidents)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And "V" has confirmation "declined"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "ncrs.third-party.victim-declines" as a crime related incident

  Scenario: A third party's report waits for the victim to be asked (p.8)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then the outcome is "more information required"
    And act "a1" is undecided
    And the decision asks for "persons[V].attributes.confirmation"
    And every act is accounted for

  Scenario: The victim confirms a third party's report, though not wanting police action (p.7)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "confirmed"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"

  Scenario: Police judge recording necessary though the victim cannot be found (pp.7-8 Appropriate/Necessary)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "serious"
    And "V" has confirmation "not_traced"
    And the incident has recording necessary "yes"
    When the incident is decided
    Then a crime of 8N "008/01" is recorded for "V"
    And that crime names rule "ncrs.third-party.necessary-or-appropriate"
    And rule "ncrs.third-party.victim-not-traced" was overridden by "ncrs.third-party.necessary-or-appropriate"
    And the decision notes "ncrs.third-party.necessary-or-appropriate" for act "a1"

  Scenario: A doctor reports an injury on the victim's behalf (p.8 Professional third party reports)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "not_yet_asked"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime names rule "ncrs.professional-or-carer-report"

  Scenario: A parent reports an assault on their child (p.8 Parents and carers)
    Given "C" is a boy aged 12
    And an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And act "a1" is a use of force by "S" against "C"
    And act "a1" has injury "none"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "C"
    And that crime names rule "ncrs.professional-or-carer-report"

  Scenario: Credible CCTV immediately available shows the assault did not happen (p.7 Step 3)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And credible evidence immediately available contradicts act "a1"
    When the incident is decided
    Then the outcome is "no crime"
    And act "a1" is not recorded because of "ncrs.credible-evidence-to-the-contrary" as a no crime
    And every act is accounted for

  Scenario: Doubts that are not credible evidence do not displace the victim's account (p.7)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And unreliable evidence immediately available contradicts act "a1"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
