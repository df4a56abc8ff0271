@edition-2026-27
Feature: Theft - 39, 40, 41, 42, 43, 44, 46, 47, 49, pet abduction and 49A making off without payment
  CRR 2026/27 pp.78-83. Without force on a person, a theft takes the most specific class that fits:
  from the person, a pedal cycle, in a shop, in a dwelling, by an employee, of mail, of electricity,
  from a machine or meter; otherwise other theft. Each class has its own counting unit.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 38
    And "S" is a man aged 26
    And "S" is the stranger of "V"

  Scenario Outline: What was taken, where from and by whom decide the theft class (pp.78-82)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has from the person "<from person>"
    And act "a1" has property kind "<kind>"
    And act "a1" has taken from "<from>"
    And act "a1" has by employee of owner "<employee>"
    And act "a1" has meant to keep "<keep>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | from person | kind             | from                         | employee | keep | class | code   | rule                                   |
      | yes         | other            | elsewhere                    | no       | yes  | 39    | 039/00 | theft.from-the-person                  |
      | yes         | other            | shop                         | no       | yes  | 39    | 039/00 | theft.from-the-person                  |
      | no          | pedal cycle      | elsewhere                    | no       | yes  | 44    | 044/00 | theft.pedal-cycle                      |
      | no          | pedal cycle      | elsewhere                    | no       | no   | 44    | 137/18 | theft.pedal-cycle.taken-without-consent |
      | no          | other            | shop                         | no       | yes  | 46    | 046/00 | theft.shoplifting                      |
      | no          | other            | shop                         | yes      | yes  | 41    | 041/00 | theft.by-employee                      |
      | no          | other            | shop till or non public area | no       | yes  | 30C   | 030/02 | theft.shop-till-or-non-public-area     |
      | no          | other            | inside a dwelling            | no       | yes  | 40    | 040/00 | theft.in-dwelling                      |
      | no          | mail in delivery | elsewhere                    | no       | yes  | 42    | 042/00 | theft.mail                             |
      | no          | mail in delivery | elsewhere                    | yes      | yes  | 41    | 041/00 | theft.by-employee                      |
      | no          | electricity      | inside a dwelling            | no       | yes  | 43    | 043/00 | theft.electricity                      |
      | no          | other            | automatic machine or meter   | no       | yes  | 47    | 047/00 | theft.from-machine-or-meter            |
      | no          | other            | display open to public       | no       | yes  | 49    | 049/11 | theft.from-display-open-to-public      |
      | no          | other            | other vehicle                | no       | yes  | 49    | 045/11 | theft.from-other-vehicle               |
      | no          | other conveyance | elsewhere                    | no       | yes  | 49    | 049/12 | theft.conveyance                       |
      | no          | other conveyance | elsewhere                    | no       | no   | 49    | 130/02 | theft.conveyance.taken-without-consent |
      | no          | other            | elsewhere                    | no       | yes  | 49    | 049/10 | theft.other                            |

  Scenario Outline: One theft that fits several classes: which takes precedence (pp.14, 76, 79-82)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has from the person "<from person>"
    And act "a1" has property kind "<kind>"
    And act "a1" has eapc compliant "no"
    And act "a1" has taken from "<from>"
    And act "a1" has by employee of owner "<employee>"
    And act "a1" has meant to keep "<keep>"
    And act "a1" has vehicle aftermath "none"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<loser>" was overridden by "<rule>"

    Examples: what was taken against where it was taken from
      | from person | kind             | from                         | employee | keep | class | code   | loser                          | rule                               |
      | no          | motor vehicle    | shop                         | no       | yes  | 48    | 048/01 | theft.shoplifting              | vehicle.theft                      |
      | no          | e bike           | shop                         | no       | yes  | 48    | 048/01 | theft.shoplifting              | theft.e-bike.motor-vehicle         |
      | no          | pedal cycle      | shop                         | no       | yes  | 46    | 046/00 | theft.pedal-cycle              | theft.shoplifting                  |
      | no          | pedal cycle      | motor vehicle                | no       | yes  | 44    | 044/00 | theft.from-motor-vehicle       | theft.pedal-cycle                  |
      | no          | mail in delivery | shop                         | no       | yes  | 42    | 042/00 | theft.shoplifting              | theft.mail                         |
      | no          | mail in delivery | automatic machine or meter   | no       | yes  | 42    | 042/00 | theft.from-machine-or-meter    | theft.mail                         |
      | no          | electricity      | automatic machine or meter   | no       | yes  | 43    | 043/00 | theft.from-machine-or-meter    | theft.electricity                  |
      | no          | other conveyance | display open to public       | no       | yes  | 49    | 049/12 | theft.from-display-open-to-public | theft.conveyance                |
      | no          | other conveyance | inside a dwelling            | no       | yes  | 40    | 040/00 | theft.conveyance               | theft.in-dwelling                  |
      | no          | motor vehicle    | shop till or non public area | no       | yes  | 30C   | 030/02 | vehicle.theft                  | theft.shop-till-or-non-public-area |
      | yes         | other            | shop till or non public area | no       | yes  | 30C   | 030/02 | theft.from-the-person          | theft.shop-till-or-non-public-area |

    Examples: a taking not meant to be kept is not a theft; an employee's theft is class 41
      | from person | kind             | from                         | employee | keep | class | code   | loser                          | rule                                    |
      | no          | pedal cycle      | shop                         | no       | no   | 44    | 137/18 | theft.shoplifting              | theft.pedal-cycle.taken-without-consent |
      | no          | motor vehicle    | elsewhere                    | yes      | yes  | 41    | 041/00 | vehicle.theft                  | theft.by-employee                       |
      | no          | motor vehicle    | elsewhere                    | yes      | no   | 48    | 130/01 | theft.by-employee              | vehicle.taken-without-consent           |
      | yes         | other            | elsewhere                    | yes      | yes  | 41    | 041/00 | theft.from-the-person          | theft.by-employee                       |

  Scenario: Pedal cycles of several members of one family stolen at the same time: one crime (p.79)
    Given "W" is a boy aged 12
    And the acts are:
      | act | type            | by | against | force | property kind | owners household |
      | a1  | taking property | S  | V       | none  | pedal cycle   | 7 Wheel Street   |
      | a2  | taking property | S  | W       | none  | pedal cycle   | 7 Wheel Street   |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 44 "044/00" is recorded for "V"
    And that crime names rule "theft.pedal-cycle.count-per-household"
    And every act is accounted for

  Scenario: Items of two members of one family stolen from their home by a visitor: one crime (p.81)
    Given "W" is a man aged 40
    And the acts are:
      | act | type            | by | against | force | taken from        | owners household |
      | a1  | taking property | S  | V       | none  | inside a dwelling | 9 Elm Close      |
      | a2  | taking property | S  | W       | none  | inside a dwelling | 9 Elm Close      |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 40 "040/00" is recorded for "V"
    And that crime names rule "theft.in-dwelling.count-per-household"

  Scenario: Shoplifting from two branches of one chain: one crime for each shop unit (p.79)
    Given the acts are:
      | act | type            | by | against | force | taken from | premises             |
      | a1  | taking property | S  | V       | none  | shop       | Boots, High Street   |
      | a2  | taking property | S  | V       | none  | shop       | Boots, Market Square |
    When the incident is decided
    Then 2 crimes are recorded

  Scenario: Two employees stealing together from their employer: one crime for the group (p.81)
    Given "T" is a man aged 30
    And the acts are:
      | act | type            | by    | against | force | taken from | by employee of owner | premises  |
      | a1  | taking property | S, T  | V       | none  | shop       | yes                  | Warehouse |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 41 "041/00" is recorded for "V"
    And that crime names rule "theft.by-employee.count-per-employee"

  Scenario: Electricity abstracted from two companies: one crime for each company (p.81)
    Given "E1" is a person aged 0
    And "E2" is a person aged 0
    And the acts are:
      | act | type            | by | against | force | property kind |
      | a1  | taking property | S  | E1      | none  | electricity   |
      | a2  | taking property | S  | E2      | none  | electricity   |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 43 "043/00" is recorded for "E1"
    And a crime of 43 "043/00" is recorded for "E2"

  Scenario: A meter theft the owner deals with entirely by civil action is not recorded (p.82)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has taken from "automatic machine or meter"
    And act "a1" has dealt with by owner only "yes"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "theft.from-machine-or-meter.owner-dealing" as a no crime

  Scenario: A dog tied up outside a shop in England is taken, intention unknown: dog abduction (p.83 Example 1)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "dog"
    And act "a1" has taken from "elsewhere"
    And act "a1" has taken in country "england"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 49 "049/03" is recorded for "V"
    And that crime cites "pp.82-83"

  Scenario: The same dog taken outside a shop in Wales: other theft (p.83 Example 2)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "dog"
    And act "a1" has taken from "elsewhere"
    And act "a1" has taken in country "wales"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 49 "049/10" is recorded for "V"
    And rule "theft.other" fired

  Scenario: A cat taken by a former partner who lived with it and the keeper is not pet abduction (p.82)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "cat"
    And act "a1" has taken in country "england"
    And act "a1" has shared household with pet "yes"
    When the incident is decided
    Then a crime of 49 "049/10" is recorded for "V"
    And rule "theft.pet-abduction" was overridden by "theft.pet-abduction.former-household"

  Scenario Outline: Making off without payment from a petrol station forecourt (p.83)
    Given act "m1" is a leaving without paying by "S" against "V"
    And act "m1" has paid before police contact "<paid>"
    And act "m1" has innocent mistake evidence "<mistake>"
    When the incident is decided
    Then <n> crimes are recorded
    And act "m1" is decided by rule "<rule>"

    Examples:
      | paid | mistake | n | rule                                                       |
      | no   | no      | 1 | theft.making-off-without-payment                           |
      | yes  | no      | 0 | theft.making-off-without-payment.paid-before-police         |
      | no   | yes     | 0 | theft.making-off-without-payment.innocent-mistake           |

  Scenario: A drive-off is recorded at once as making off without payment (p.83)
    Given act "m1" is a leaving without paying by "S" against "V"
    When the incident is decided
    Then a crime of 49A "053/25" is recorded for "V"

  Scenario Outline: The declared order of the theft classes decides, not a list of rules (general/counting.yaml specificity; pp.76, 79-82)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has from the person "no"
    And act "a1" has property kind "<kind>"
    And act "a1" has taken from "<from>"
    And act "a1" has by employee of owner "<employee>"
    And act "a1" has meant to keep "<keep>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<loser>" was overridden by "<rule>" under "<order>"

    Examples:
      | kind             | from              | employee | keep | class | code   | loser              | rule                                   | order                               |
      | other            | shop              | no       | yes  | 46    | 046/00 | theft.other        | theft.shoplifting                      | specific.theft-classes              |
      | other            | shop              | yes      | yes  | 41    | 041/00 | theft.shoplifting  | theft.by-employee                      | specific.theft-classes              |
      | electricity      | inside a dwelling | no       | yes  | 43    | 043/00 | theft.in-dwelling  | theft.electricity                      | specific.theft-classes              |
      | other conveyance | elsewhere         | no       | no   | 49    | 130/02 | theft.other        | theft.conveyance.taken-without-consent | specific.unauthorised-taking-not-theft |
