@edition-2026-27
Feature: The supervision queue - which decisions a supervisor must look at
  rules/supervision.yaml. Every decision is kept on the decision log; these also go on the queue
  of the supervisors and the crime services team, once for each reason: a reported incident of
  rape (N100, overseen by the force crime registrar, CRR 2026/27 p.63); a victim-based report not
  recorded as a crime; a crime recorded on a fact not yet given (provisional); a non-crime record
  with a domestic abuse or child flag; and, until a supervisor resolves it, a decision on the
  queue (or still waiting for information) whose 24-hour deadline is near or past.

  Background:
    Given "V" is a woman aged 25
    And "S" is a man aged 30

  Scenario: A reported incident of rape goes on the queue (N100, p.63)
    Given "S" is the stranger of "V"
    And an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "not given"
    And "V" has confirmation "not yet asked"
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.not-confirmed.third-party"
    And the decision goes on the supervision queue as "n record"
    And the decision goes on the supervision queue as "deadline"
    And the decision does not go on the supervision queue as "negation"

  Scenario: A victim's assault kept as a crime related incident, with the domestic abuse flag, is checked
    Given "S" is the ex-partner of "V"
    And an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "not_traced"
    When the incident is decided
    Then act "a1" is not recorded because of "ncrs.third-party.victim-not-traced" as a crime related incident
    And the decision goes on the supervision queue as "negation"
    And the decision goes on the supervision queue as "non crime flag"
    And the decision does not go on the supervision queue as "n record"

  Scenario: A home burglary recorded while its purpose is not yet known is provisional
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "home"
    And act "a1" has entry "entered"
    When the incident is decided
    Then a crime of 28I "028/03" is recorded for "V"
    And the decision asks for "acts[a1].attributes.purpose"
    And the decision goes on the supervision queue as "provisional"

  Scenario: The same burglary with its purpose known is not on the queue
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "home"
    And act "a1" has entry "entered"
    And act "a1" has purpose "steal"
    And act "a1" has premises "12 High Street"
    When the incident is decided
    Then a crime of 28I "028/03" is recorded for "V"
    And the decision does not go on the supervision queue

  Scenario: An incident still waiting for information is watched until its deadline
    Given "S" is the stranger of "V"
    And an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then the outcome is "more information required"
    And the decision goes on the supervision queue as "deadline"
    And the decision does not go on the supervision queue as "provisional"
