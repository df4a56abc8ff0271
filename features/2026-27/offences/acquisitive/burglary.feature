@edition-2026-27
Feature: Burglary - home (28I-28L, 29B), unconnected building (28M-28P, 29C), business and community (30C, 30D, 31A)
  CRR 2026/27 pp.73-75, and the shop rules of pp.79-80. The building decides the class: the home and
  anything attached to it with a connecting door; a residential building in its grounds (shed,
  garage, summer house) that is not; a building used only for business or otherwise not residential.
  One crime for each household or building burgled. Force or a threat of force to steal during a
  burglary makes it robbery.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 45
    And "S" is a man aged 22
    And "S" is the stranger of "V"

  Scenario: A burglary of a garden shed in the grounds of a house is residential burglary of an unconnected building (p.73)
    Given act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "residential outbuilding"
    And act "a1" has entry "entered"
    And act "a1" has purpose "steal"
    And act "a1" has distraction "no"
    And act "a1" has armed "no"
    And act "a1" has premises "12 Acacia Avenue"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 28M "028/03" is recorded for "V"
    And that crime cites "CRR 2026/27 p.73 28M Residential burglary of unconnected building"
    And that crime names rule "burglary.count-per-premises"

  Scenario Outline: The building, whether the offender got in, a trick and a weapon decide the class (pp.73-74)
    Given act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "<building>"
    And act "a1" has entry "<entry>"
    And act "a1" has purpose "<purpose>"
    And act "a1" has distraction "<trick>"
    And act "a1" has armed "<armed>"
    And act "a1" has premises "12 Acacia Avenue"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | building                | entry               | purpose      | trick | armed | class | code   | rule                                               |
      | home                    | entered             | steal        | no    | no    | 28I   | 028/03 | burglary.home                                      |
      | home                    | entered             | serious harm | no    | no    | 28I   | 028/03 | burglary.home                                      |
      | home                    | tried to enter      | steal        | no    | no    | 28J   | 028/03 | burglary.home.attempt                              |
      | home                    | damaged entry point | steal        | no    | no    | 28J   | 028/03 | burglary.home.attempt                              |
      | home                    | entered             | steal        | yes   | no    | 28K   | 028/03 | burglary.home.distraction                          |
      | home                    | tried to enter      | steal        | yes   | no    | 28L   | 028/03 | burglary.home.distraction-attempt                  |
      | home                    | entered             | steal        | no    | yes   | 29B   | 029/00 | burglary.home.aggravated                           |
      | home                    | entered             | steal        | yes   | yes   | 29B   | 029/00 | burglary.home.aggravated                           |
      | residential outbuilding | entered             | damage       | no    | no    | 28M   | 028/03 | burglary.unconnected-building                      |
      | residential outbuilding | tried to enter      | steal        | no    | no    | 28N   | 028/03 | burglary.unconnected-building.attempt              |
      | residential outbuilding | entered             | steal        | yes   | no    | 28O   | 028/03 | burglary.unconnected-building.distraction          |
      | residential outbuilding | tried to enter      | steal        | yes   | no    | 28P   | 028/03 | burglary.unconnected-building.distraction-attempt  |
      | residential outbuilding | entered             | steal        | no    | yes   | 29C   | 029/00 | burglary.unconnected-building.aggravated           |
      | business outbuilding    | entered             | steal        | no    | no    | 30C   | 030/02 | burglary.business                                  |
      | business or community   | entered             | steal        | yes   | no    | 30C   | 030/02 | burglary.business                                  |
      | business or community   | damaged entry point | steal        | no    | no    | 30D   | 030/02 | burglary.business.attempt                          |
      | business or community   | entered             | steal        | no    | yes   | 31A   | 031/00 | burglary.business.aggravated                       |

  Scenario Outline: Break-ins to various types of premises (p.75 table)
    Given act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "<premises and use>"
    And act "a1" has entry "entered"
    And act "a1" has purpose "steal"
    And act "a1" has premises "Seaview Park"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"

    Examples: house, flat, houseboat, hostel or care home room - in any use, or vacant
      | premises and use | class | code   |
      | home             | 28I   | 028/03 |

    Examples: hotel room, holiday home, chalet, caravan or holiday boat
      | premises and use       | class | code   |
      | holiday let lived in   | 28I   | 028/03 |
      | holiday let short stay | 30C   | 030/02 |
      | holiday let vacant     | 30C   | 030/02 |
      | caravan vacant         | 49    | 049/10 |

  Scenario: Two members of one household each report the burglary of their home: one crime (p.73)
    Given "W" is a man aged 47
    And the acts are:
      | act | type                | by | against | building | entry   | purpose | premises         |
      | a1  | entry as trespasser | S  | V       | home     | entered | steal   | 12 Acacia Avenue |
      | a2  | entry as trespasser | S  | W       | home     | entered | steal   | 12 Acacia Avenue |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 28I "028/03" is recorded for "V"
    And that crime covers acts "a1", "a2"
    And every act is accounted for

  Scenario: Rooms let separately in a shared house are burgled: one crime for each resident (p.73 Shared Accommodation)
    Given "W" is a man aged 21
    And the acts are:
      | act | type                | by | against | building | entry   | purpose | premises             |
      | a1  | entry as trespasser | S  | V       | home     | entered | steal   | 3 Mill Rd, room 1    |
      | a2  | entry as trespasser | S  | W       | home     | entered | steal   | 3 Mill Rd, room 2    |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 28I "028/03" is recorded for "V"
    And a crime of 28I "028/03" is recorded for "W"

  Scenario: A home and a workshop used only for business in its grounds burgled at the same time: only the residential burglary (p.73)
    Given the acts are:
      | act | type                | by | against | building             | entry   | purpose | premises         |
      | a1  | entry as trespasser | S  | V       | home                 | entered | steal   | 12 Acacia Avenue |
      | a2  | entry as trespasser | S  | V       | business outbuilding | entered | steal   | 12 Acacia Avenue |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 28I "028/03" is recorded for "V"
    And act "a2" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: A home and its detached garage burgled at the same time: one crime for the household (p.73)
    Given the acts are:
      | act | type                | by | against | building                | entry   | purpose | premises         |
      | a1  | entry as trespasser | S  | V       | home                    | entered | steal   | 12 Acacia Avenue |
      | a2  | entry as trespasser | S  | V       | residential outbuilding | entered | steal   | 12 Acacia Avenue |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 28I "028/03" is recorded for "V"
    And every act is accounted for

  Scenario: One household's home and its detached garage burgled the same night, each reported by a different member: only the residential burglary of the home (p.73)
    Given "W" is a man aged 47
    And the acts are:
      | act | type                | by | against | building                | entry   | purpose | premises         | at                   |
      | a1  | entry as trespasser | S  | W       | residential outbuilding | entered | steal   | 12 Acacia Avenue | 2026-05-31T23:10:00Z |
      | a2  | entry as trespasser | S  | V       | home                    | entered | steal   | 12 Acacia Avenue | 2026-05-31T23:40:00Z |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 28I "028/03" is recorded for "V"
    And that crime covers acts "a2", "a1"
    And that crime names rule "burglary.count-per-premises"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: A person enters a house as a trespasser and takes two bulldogs: one crime of residential burglary (p.83 Principal Crime Example 1)
    Given the acts are:
      | act | type                | by | against | building | entry   | purpose | premises      | force | property kind | taken in country | in course of burglary |
      | a1  | entry as trespasser | S  | V       | home     | entered | steal   | 4 Kennel Lane |       |               |                  |                       |
      | a2  | taking property     | S  | V       |          |         |         | 4 Kennel Lane | none  | dog           | england          | yes                   |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 28I "028/03" is recorded for "V"
    And that crime covers acts "a1", "a2"
    And act "a2" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Force used to steal during a burglary makes it a robbery (pp.73-74)
    Given the acts are:
      | act | type                | by | against | building | entry   | purpose | premises         | force       | property owner | in course of burglary |
      | a1  | entry as trespasser | S  | V       | home     | entered | steal   | 12 Acacia Avenue |             |                |                       |
      | a2  | taking property     | S  | V       |          |         |         | 12 Acacia Avenue | on a person | individual     | yes                   |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34B "034/01" is recorded for "V"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Entering as a trespasser with no intent to steal, harm or damage is not burglary (pp.73-74)
    Given act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "residential outbuilding"
    And act "a1" has entry "entered"
    And act "a1" has purpose "none"
    And act "a1" has premises "12 Acacia Avenue"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "burglary.no-burglary-intent" as a no crime

  Scenario: A break-in is recorded as burglary while its purpose is asked (pp.73-74)
    Given act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "home"
    And act "a1" has entry "entered"
    When the incident is decided
    Then a crime of 28I "028/03" is recorded for "V"
    And the decision asks for "acts[a1].attributes.purpose"
    And the decision asks for "acts[a1].attributes.premises"

  Scenario Outline: A trespasser entering an open shop to steal is counted as shoplifting unless already charged with burglary (p.79)
    Given act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "shop open to public"
    And act "a1" has entry "entered"
    And act "a1" has purpose "steal"
    And act "a1" has charged with burglary "<charged>"
    And act "a1" has premises "Corner Shop"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | charged | class | code   | rule                            |
      | no      | 46    | 046/00 | burglary.shop-trespass-to-steal |
      | yes     | 30C   | 030/02 | burglary.business               |

  Scenario: Not yet known whether the shop trespasser was charged with burglary: shoplifting meanwhile, and the charge is asked (p.79)
    Given act "a1" is an entry as trespasser by "S" against "V"
    And act "a1" has building "shop open to public"
    And act "a1" has entry "entered"
    And act "a1" has purpose "steal"
    And act "a1" has premises "Corner Shop"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 46 "046/00" is recorded for "V"
    And the decision asks for "acts[a1].attributes.charged_with_burglary"
