@edition-2026-27
Feature: Offences against the state - the points to prove must be clearly made out
  CRR 2026/27 pp.7-8. A state-based crime is recorded when the points to prove are clearly made out,
  whether or not an offender is identified; where the person's criminal liability cannot be shown
  (they did not know what they had), no crime is recorded.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "S" is a man aged 45

  Scenario: A banknote unwittingly carrying traces of cocaine: no crime (p.8)
    Given act "d1" is a controlled drug activity by "S"
    And act "d1" has activity "possession"
    And act "d1" has drug "cocaine"
    And act "d1" has identification "lab or field test"
    And act "d1" has points to prove made out "no"
    When the incident is decided
    Then no crimes are recorded
    And the outcome is "no crime"
    And act "d1" is not recorded because of "state-based.points-to-prove-not-made-out" as a no crime

  Scenario: An offence against the state is recorded even though no offender can yet be proved against (p.8)
    Given act "d1" is a controlled drug activity by "S"
    And act "d1" has activity "production"
    And act "d1" has drug "cannabis"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And the outcome is "record crime"
    And rule "drugs.production.cannabis" fired
