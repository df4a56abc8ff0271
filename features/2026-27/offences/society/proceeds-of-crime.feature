@edition-2026-27
Feature: Proceeds of crime - 38
  CRR 2026/27 p.92. Dealing with criminal property is an offence against the state: one crime for each
  offender or group. Money laundering linked to drug trafficking goes under class 38 too.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "S" is a man aged 28
    And act "p1" is a dealing with criminal property by "S"
    And act "p1" has points to prove made out "yes"

  Scenario Outline: What was done with the criminal property decides the code (p.92)
    Given act "p1" has conduct "<conduct>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class 38 is recorded by row "dealing with criminal property, <conduct>" of table "conduct-classes"
    And rule "proceeds.one-crime-per-offender" fired

    Examples:
      | conduct                    |
      | concealing                 |
      | arrangement                |
      | acquisition use possession |
      | failure to disclose        |
      | tipping off                |

  Scenario: A dealer holding a large sum of cash from drug supply: the drugs and the cash are separate crimes (p.92)
    Given act "p1" has conduct "acquisition use possession"
    And the acts are:
      | act | type                     | by | activity                         | drug    | points to prove made out |
      | d1  | controlled drug activity | S  | possession with intent to supply | cocaine | yes                      |
    When the incident is decided
    Then 2 crimes are recorded
    And rule "proceeds.acquisition-use-possession" fired
    And rule "drugs.possession-with-intent-to-supply.cocaine" fired
    And every act is accounted for
