@edition-2026-27
Feature: Vehicle offences - 37/2 aggravated vehicle taking, 45, 48, 126 and the p.78 chart
  CRR 2026/27 pp.75-78. One crime for each vehicle owner. Electric motorcycles and mopeds are motor
  vehicles; an e-bike outside the electrically assisted pedal cycle rules is one too; an e-scooter is
  property. Only the taking of a motor vehicle is notifiable, not driving it or riding in it.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a man aged 50
    And "S" is a man aged 19
    And "S" is the stranger of "V"

  Scenario Outline: Taking a motor vehicle is theft, or unauthorised taking when not meant to be kept (p.76)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "motor vehicle"
    And act "a1" has meant to keep "<keep>"
    And act "a1" has vehicle aftermath "none"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 48 "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | keep | code   | rule                          |
      | yes  | 048/01 | vehicle.theft                 |
      | no   | 130/01 | vehicle.taken-without-consent |

  Scenario Outline: What is known to have followed the taking makes it aggravated vehicle taking, 37/2 or 37/1 (pp.75-76)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "motor vehicle"
    And act "a1" has meant to keep "<keep>"
    And act "a1" has vehicle aftermath "<aftermath>"
    And act "a1" has damage under 5000 "<under 5000>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired
    And rule "<taking rule>" was overridden by "<rule>"

    Examples: 37/2 037/02 aggravated vehicle taking
      | keep | aftermath                   | under 5000 | taking rule                   | class | code   | rule                      |
      | no   | dangerous driving confirmed | no         | vehicle.taken-without-consent | 37/2  | 037/02 | vehicle.aggravated-taking |
      | no   | injury accident             | no         | vehicle.taken-without-consent | 37/2  | 037/02 | vehicle.aggravated-taking |
      | yes  | other property damaged      | no         | vehicle.theft                 | 37/2  | 037/02 | vehicle.aggravated-taking |

    Examples: 37/2 131/03 aggravated vehicle taking, damage under 5,000 pounds
      | keep | aftermath       | under 5000 | taking rule                   | class | code   | rule                                        |
      | no   | vehicle damaged | yes        | vehicle.taken-without-consent | 37/2  | 131/03 | vehicle.aggravated-taking.damage-under-5000 |

    Examples: 37/1 037/01 causing death by aggravated vehicle taking
      | keep | aftermath      | under 5000 | taking rule                   | class | code   | rule                            |
      | no   | death accident | no         | vehicle.taken-without-consent | 37/1  | 037/01 | vehicle.aggravated-taking.death |

  Scenario Outline: A vehicle robbed from its driver and then crashed is robbery, not aggravated vehicle taking (pp.14, 72, 75)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "on a person"
    And act "a1" has anything taken "yes"
    And act "a1" has property owner "individual"
    And act "a1" has property kind "motor vehicle"
    And act "a1" has vehicle aftermath "<aftermath>"
    And act "a1" has damage under 5000 "no"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34B "034/01" is recorded for "V"
    And rule "<avt rule>" was overridden by "robbery.personal-property"

    Examples:
      | aftermath       | avt rule                  |
      | vehicle damaged | vehicle.aggravated-taking |
      | injury accident | vehicle.aggravated-taking |

  Scenario: A robbed vehicle that kills someone: robbery for the taking, the death recorded on its own (pp.38, 72)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "threatened"
    And act "a1" has anything taken "yes"
    And act "a1" has property owner "individual"
    And act "a1" has property kind "motor vehicle"
    And act "a1" has vehicle aftermath "death accident"
    When the incident is decided
    Then a crime of 34B "034/01" is recorded for "V"
    And rule "vehicle.aggravated-taking.death" was overridden by "robbery.personal-property"
    And the decision notes "robbery.vehicle.death-caused" for act "a1"

  Scenario: An employee who takes the employer's van and crashes it: aggravated vehicle taking, not theft by an employee (pp.75, 81)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "motor vehicle"
    And act "a1" has by employee of owner "yes"
    And act "a1" has meant to keep "no"
    And act "a1" has vehicle aftermath "injury accident"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 37/2 "037/02" is recorded for "V"
    And rule "vehicle.aggravated-taking" fired

  Scenario: Dangerous driving alone, not yet confirmed: record the theft and reclassify later (p.75)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "motor vehicle"
    And act "a1" has meant to keep "no"
    And act "a1" has vehicle aftermath "dangerous driving suspected"
    When the incident is decided
    Then a crime of 48 "130/01" is recorded for "V"
    And the decision notes "vehicle.dangerous-driving-not-yet-confirmed" for act "a1"

  Scenario: Only riding in a vehicle known to be taken is not notifiable (p.76)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "motor vehicle"
    And act "a1" has only drove or was carried "yes"
    And act "a1" has vehicle aftermath "none"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "vehicle.driver-or-passenger-only" as a no crime

  Scenario Outline: E-motorbikes, e-bikes and e-scooters (pp.76-77, 79)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "<kind>"
    And act "a1" has eapc compliant "<eapc>"
    And act "a1" has meant to keep "yes"
    And act "a1" has vehicle aftermath "none"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | kind          | eapc | class | code   | rule                       |
      | motor vehicle | no   | 48    | 048/01 | vehicle.theft              |
      | e bike        | no   | 48    | 048/01 | theft.e-bike.motor-vehicle |
      | e bike        | yes  | 44    | 044/00 | theft.e-bike.pedal-cycle   |
      | e scooter     | no   | 49    | 049/10 | theft.other                |

  Scenario Outline: Theft from vehicles: motor vehicles, public transport, mail vans (p.76)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "none"
    And act "a1" has property kind "<kind>"
    And act "a1" has taken from "<from>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | kind             | from                         | class | code   | rule                       |
      | other            | motor vehicle                | 45    | 045/10 | theft.from-motor-vehicle   |
      | other            | public transport public area  | 49    | 049/10 | theft.other                |
      | mail in delivery | motor vehicle                | 42    | 042/00 | theft.mail                 |

  Scenario Outline: Interfering with a motor vehicle (p.77 and the p.78 chart)
    Given act "i1" is an interfering with vehicle by "S" against "V"
    And act "i1" has damage caused "<damage>"
    And act "i1" has no criminal intent evidence "<innocent>"
    And act "i1" has theft more likely than damage "<theft likely>"
    And act "i1" has damage under 5000 "<under 5000>"
    And act "i1" has tampered on road "<tampered>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | damage | innocent | theft likely | under 5000 | tampered | class | code   | rule                                             |
      | no     | no       | no           | yes        | no       | 126   | 126/00 | vehicle.interference.no-damage                   |
      | yes    | no       | yes          | yes        | no       | 126   | 126/00 | vehicle.interference.damage-theft-more-likely    |
      | yes    | no       | no           | yes        | no       | 58C   | 149/00 | vehicle.interference.criminal-damage             |
      | yes    | no       | no           | no         | no       | 58C   | 058/00 | vehicle.interference.criminal-damage.over-5000   |
      | no     | yes      | no           | yes        | yes      | 126   | 825/06 | vehicle.tampering                                |

  Scenario: Getting into an unlocked car with credible evidence that no crime was intended is an incident (p.78 chart)
    Given act "i1" is an interfering with vehicle by "S" against "V"
    And act "i1" has damage caused "no"
    And act "i1" has no criminal intent evidence "yes"
    And act "i1" has tampered on road "no"
    When the incident is decided
    Then no crimes are recorded
    And act "i1" is not recorded because of "vehicle.interference.no-criminal-intent" as a no crime
    And every act is accounted for

  Scenario: Two cars of two owners taken in one night: one crime for each vehicle owner (pp.75-76)
    Given "W" is a woman aged 41
    And "S" is the stranger of "W"
    And the acts are:
      | act | type            | by | against | force | property kind | meant to keep | vehicle aftermath |
      | a1  | taking property | S  | V       | none  | motor vehicle | yes           | none              |
      | a2  | taking property | S  | W       | none  | motor vehicle | yes           | none              |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 48 "048/01" is recorded for "V"
    And a crime of 48 "048/01" is recorded for "W"
    And every act is accounted for
