@edition-2026-27
Feature: Arson and criminal damage - 56A, 56B, 58A-58D, 58J, 59
  CRR 2026/27 pp.84-86. Fire decides arson; danger to life decides 56A and, without fire, 057/00;
  otherwise the property decides the class (58A a home and its plot, 58B a business or community
  building, 58C a vehicle, 58D anything else) and the cost the code (058/00 over 5,000 pounds,
  149/00 under). Racial or religious hostility makes it 58J. One crime for each owner of the property
  damaged. Threats to damage property, and having articles to damage it, are 59 (no victim).

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 40
    And "W" is a man aged 45
    And "S" is a man aged 25
    And "S" is the stranger of "V"
    And "S" is the stranger of "W"
    And act "a1" is a damage to property by "S" against "V"

  Scenario Outline: Fire, danger to life, the property and the cost decide the class and code (pp.84-85)
    Given act "a1" has by fire "<fire>"
    And act "a1" has life endangered "<danger>"
    And act "a1" has property kind "<property>"
    And act "a1" has cost over 5000 "<over 5000>"
    And act "a1" has racially or religiously aggravated "<aggravated>"
    And act "a1" has non permanent "no"
    And act "a1" has offender ownership "none"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And that crime names rule "<rule>"
    And that crime names rule "criminal-damage.one-crime-per-owner"

    Examples:
      | fire | danger | property                       | over 5000 | aggravated | class | code   | rule                                            |
      | yes  | yes    | dwelling                       | no        | no         | 56A   | 056/01 | arson.endangering-life                          |
      | yes  | no     | vehicle                        | yes       | no         | 56B   | 056/02 | arson.not-endangering-life                      |
      | yes  | no     | dwelling                       | no        | yes        | 56B   | 056/02 | arson.not-endangering-life                      |
      | no   | yes    | dwelling                       | no        | no         | 58A   | 057/00 | criminal-damage.endangering-life.residential    |
      | no   | yes    | business or community building | no        | no         | 58B   | 057/00 | criminal-damage.endangering-life.business       |
      | no   | yes    | vehicle                        | no        | no         | 58C   | 057/00 | criminal-damage.endangering-life.vehicle        |
      | no   | yes    | other                          | no        | yes        | 58D   | 057/00 | criminal-damage.endangering-life.other          |
      | no   | no     | dwelling                       | yes       | no         | 58A   | 058/00 | criminal-damage.over-5000.residential           |
      | no   | no     | business or community building | yes       | no         | 58B   | 058/00 | criminal-damage.over-5000.business              |
      | no   | no     | vehicle                        | yes       | no         | 58C   | 058/00 | criminal-damage.over-5000.vehicle               |
      | no   | no     | other                          | yes       | no         | 58D   | 058/00 | criminal-damage.over-5000.other                 |
      | no   | no     | dwelling                       | no        | no         | 58A   | 149/00 | criminal-damage.under-5000.residential          |
      | no   | no     | business or community building | no        | no         | 58B   | 149/00 | criminal-damage.under-5000.business             |
      | no   | no     | vehicle                        | no        | no         | 58C   | 149/00 | criminal-damage.under-5000.vehicle              |
      | no   | no     | other                          | no        | no         | 58D   | 149/00 | criminal-damage.under-5000.other                |
      | no   | no     | vehicle                        | yes       | yes        | 58J   | 058/04 | criminal-damage.racially-or-religiously-aggravated |

  Scenario: Racially aggravated damage to a home is 58J, not 58A (p.84)
    Given act "a1" has by fire "no"
    And act "a1" has life endangered "no"
    And act "a1" has property kind "dwelling"
    And act "a1" has cost over 5000 "no"
    And act "a1" has racially or religiously aggravated "yes"
    When the incident is decided
    Then a crime of 58J "058/04" is recorded for "V"
    And rule "criminal-damage.under-5000.residential" was overridden by "criminal-damage.racially-or-religiously-aggravated"

  Scenario: Arson endangering life needs no injury and no attempt to kill (p.84)
    Given act "a1" has by fire "yes"
    And act "a1" has life endangered "yes"
    When the incident is decided
    Then a crime of 56A "056/01" is recorded for "V"
    And that crime cites "p.84"
    And the decision does not ask for "acts[a1].attributes.property_kind"

  Scenario: Damage that washes off at no cost is kept as an incident (p.86)
    Given act "a1" has non permanent "yes"
    When the incident is decided
    Then no crimes are recorded
    And the outcome is "crime related incident"
    And act "a1" is not recorded because of "criminal-damage.non-permanent" as a crime related incident

  Scenario: Damage by one joint owner to jointly owned property is still a crime (p.86)
    Given act "a1" has offender ownership "joint"
    And act "a1" has by fire "no"
    And act "a1" has life endangered "no"
    And act "a1" has property kind "vehicle"
    And act "a1" has cost over 5000 "no"
    And act "a1" has racially or religiously aggravated "no"
    When the incident is decided
    Then a crime of 58C "149/00" is recorded for "V"
    And the decision notes "criminal-damage.jointly-owned" for act "a1"

  Scenario: Damaging property the offender alone owns, endangering nobody, is no crime (pp.84-86)
    Given act "a1" has offender ownership "sole"
    And act "a1" has life endangered "no"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "criminal-damage.sole-owner-no-danger" as a no crime

  Scenario: Damage to two owners' cars at once: one crime for each owner (p.85 58C General Rule)
    Given the acts are:
      | act | type              | by | against | by fire | life endangered | property kind | cost over 5000 | racially or religiously aggravated |
      | a2  | damage to property | S  | W       | no      | no              | vehicle       | no             | no                                 |
    And act "a1" has by fire "no"
    And act "a1" has life endangered "no"
    And act "a1" has property kind "vehicle"
    And act "a1" has cost over 5000 "no"
    And act "a1" has racially or religiously aggravated "no"
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 58C "149/00" is recorded for "V"
    And a crime of 58C "149/00" is recorded for "W"
    And every act is accounted for

  Scenario: Damage with no word on fire, danger to life, value or property is recorded now, as 58D (p.13; pp.84-85)
    When the incident is decided
    Then a crime of 58D "149/00" is recorded for "V"
    And that crime is provisional
    And the decision assumed "by fire = no, not stated"
    And the decision assumed "life endangered = no, not stated"
    And the decision assumed "value of the damage = £5,000 or less, not stated"
    And that crime could be changed by "acts[a1].attributes.by_fire"
    And that crime could be changed by "acts[a1].attributes.property_kind"
    And every act is accounted for

  Scenario: Damage to a car, nothing said of danger to life or value, is 58C criminal damage under 5,000 pounds (pp.84-85)
    Given act "a1" has property kind "vehicle"
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 58C "149/00" is recorded for "V"
    And that crime is provisional
    And the decision assumed "life endangered = no, not stated"
    And the decision assumed "value of the damage = £5,000 or less, not stated"
    And that crime could be changed by "acts[a1].attributes.life_endangered"
    And that crime could be changed by "acts[a1].attributes.cost_over_5000"

  Scenario: The officer then learns the car damage cost over 5,000 pounds: the code changes to 058/00 (p.85)
    Given act "a1" has property kind "vehicle"
    And act "a1" has cost over 5000 "yes"
    When the incident is decided
    Then a crime of 58C "058/00" is recorded for "V"
    And the decision assumed "life endangered = no, not stated"
    And the decision does not ask for "acts[a1].attributes.cost_over_5000"

  Scenario: The officer then learns life was endangered: the damage is 057/00 endangering life (p.85)
    Given act "a1" has property kind "vehicle"
    And act "a1" has by fire "no"
    And act "a1" has life endangered "yes"
    When the incident is decided
    Then a crime of 58C "057/00" is recorded for "V"
    And the decision assumed nothing

  Scenario Outline: Threats to damage property and articles to damage it are 59, with no victim (pp.85-86)
    Given act "a9" is a threat or article to damage property by "S"
    And act "a9" has conduct "<conduct>"
    And act "a9" has property belongs to "<owner>"
    And act "a9" has would endanger life "<danger>"
    And act "a9" has points to prove made out "yes"
    And act "a1" has non permanent "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded with no victim
    And rule "<rule>" fired
    And rule "criminal-damage.threat-or-article.one-crime-per-offender" fired
    And every act is accounted for

    Examples: "I will smash up your son's car" is a threat to a third person's property; a landlord threatening to burn down the let house endangers life
      | conduct            | owner    | danger | class | code   | rule                                                 |
      | threat             | another  | no     | 59    | 059/11 | criminal-damage.threat                               |
      | threat             | offender | yes    | 59    | 059/11 | criminal-damage.threat.own-property-endangering-life |
      | possessing article | another  | no     | 59    | 059/13 | criminal-damage.possessing-article                   |

  Scenario: A threat to damage only the offender's own property, endangering nobody, cannot be recorded (p.86 note iii)
    Given act "a9" is a threat or article to damage property by "S"
    And act "a9" has conduct "threat"
    And act "a9" has property belongs to "offender"
    And act "a9" has would endanger life "no"
    And act "a1" has non permanent "yes"
    When the incident is decided
    Then no crimes are recorded
    And act "a9" is not recorded because of "criminal-damage.threat.own-property" as a no crime
    And every act is accounted for

  Scenario: A house and a workshop in its grounds used only for business damaged at the same time: only the residential damage (p.84)
    Given act "a1" has by fire "no"
    And act "a1" has life endangered "no"
    And act "a1" has property kind "dwelling"
    And act "a1" has cost over 5000 "no"
    And act "a1" has racially or religiously aggravated "no"
    And act "a1" has offender ownership "none"
    And act "a1" has non permanent "no"
    And the acts are:
      | act | type               | by | against | by fire | life endangered | property kind                  | cost over 5000 | racially or religiously aggravated | offender ownership | non permanent |
      | d1  | damage to property | S  | V       | no      | no              | business or community building | no             | no                                 | none               | no            |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 58A "149/00" is recorded for "V"
    And that crime covers acts "a1", "d1"
    And act "d1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for
