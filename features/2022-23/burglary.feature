@edition-2022-23
Feature: Residential burglary before April 2023 - 28E, 28F, 28G, 28H, 29A
  Until April 2023 residential burglary covered the dwelling and the buildings within its grounds
  alike (28E, attempts 28F, distraction 28G and 28H, aggravated 29A); the 2023 changes split it
  into the home (28I-28L, 29B) and unconnected buildings (28M-28P, 29C).

  Background:
    Given an incident reported at "2022-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 45
    And "S" is a man aged 22
    And "S" is the stranger of "V"
    And act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has purpose "steal"
    And act "a1" has premises "12 Acacia Avenue"

  Scenario Outline: The same burglaries took the residential classes of the time
    Given act "a1" has building "<building>"
    And act "a1" has entry "<entry>"
    And act "a1" has distraction "<distraction>"
    And act "a1" has armed "<armed>"
    When the incident is decided
    Then the decision is made under edition "2022-23"
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | building                | entry          | distraction | armed | class | code   | rule                                              |
      | residential outbuilding | entered        | no          | no    | 28E   | 028/03 | burglary.unconnected-building                     |
      | home                    | entered        | no          | no    | 28E   | 028/03 | burglary.home                                     |
      | home                    | tried to enter | no          | no    | 28F   | 028/03 | burglary.home.attempt                             |
      | residential outbuilding | tried to enter | no          | no    | 28F   | 028/03 | burglary.unconnected-building.attempt             |
      | home                    | entered        | yes         | no    | 28G   | 028/03 | burglary.home.distraction                         |
      | residential outbuilding | entered        | yes         | no    | 28G   | 028/03 | burglary.unconnected-building.distraction         |
      | home                    | tried to enter | yes         | no    | 28H   | 028/03 | burglary.home.distraction-attempt                 |
      | residential outbuilding | tried to enter | yes         | no    | 28H   | 028/03 | burglary.unconnected-building.distraction-attempt |
      | home                    | entered        | no          | yes   | 29A   | 029/00 | burglary.home.aggravated                          |
      | residential outbuilding | entered        | no          | yes   | 29A   | 029/00 | burglary.unconnected-building.aggravated          |
