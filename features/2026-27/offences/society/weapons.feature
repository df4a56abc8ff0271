@edition-2026-27
Feature: Possession of weapons - 10A, 10B, 10C, 10D
  CRR 2026/27 p.94. Offences against the state: one crime for each offender or group, unless the weapon
  was used in another notifiable offence. Threats: in a public place a reasonable person would think
  they were at risk of immediate physical harm; at a school or in a private place there must be an
  immediate risk of serious physical harm.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "S" is a man aged 17
    And act "w1" is a weapon possession or threat by "S"
    And act "w1" has used in another offence "no"
    And act "w1" has points to prove made out "yes"

  Scenario Outline: Having a weapon: the weapon and where decide the class and code (p.94)
    Given act "w1" has weapon "<weapon>"
    And act "w1" has conduct "possessed"
    And act "w1" has location type "<place>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class <class> is recorded by row "<weapon>, <place>" of table "weapon-possession"
    And rule "weapons.one-crime-per-offender" fired

    Examples:
      | weapon                      | place         | class |
      | blade or point              | public place  | 10D   |
      | blade or point              | school        | 10D   |
      | offensive weapon            | public place  | 10C   |
      | offensive weapon            | school        | 10C   |
      | prohibited offensive weapon | private place | 10C   |
      | corrosive substance         | public place  | 10C   |

  Scenario Outline: Threatening with a weapon: the weapon, where and the risk of harm decide the class and code (p.94)
    Given act "w1" has weapon "<weapon>"
    And act "w1" has conduct "threatened"
    And act "w1" has location type "<place>"
    And act "w1" has risk of harm "<risk>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class <class> is recorded by row "<weapon>, <place>, <risk>" of table "weapon-threats"
    And rule "weapons.one-crime-per-offender" fired

    Examples:
      | weapon              | place         | risk     | class |
      | blade or point      | public place  | physical | 10D   |
      | offensive weapon    | public place  | physical | 10C   |
      | blade or point      | school        | serious  | 10D   |
      | offensive weapon    | school        | serious  | 10C   |
      | blade or point      | private place | serious  | 10D   |
      | corrosive substance | private place | serious  | 10C   |
      | corrosive substance | school        | serious  | 10C   |

  Scenario Outline: Firearms: intent, place and certificate decide the class and code (p.94)
    Given act "w1" has weapon "<weapon>"
    And act "w1" has conduct "<conduct>"
    And act "w1" has location type "<place>"
    And act "w1" has risk of harm "<risk>"
    And act "w1" has firearm intent "<intent>"
    And act "w1" has firearm certificate held "<certificate>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded with no victim
    And rule "<rule>" fired
    And rule "weapons.one-crime-per-offender" fired

    Examples:
      | weapon            | conduct   | place         | risk | intent             | certificate | class | code   | rule                                      |
      | firearm           | possessed | private place | none | fear of violence   | yes         | 10A   | 008/23 | weapons.firearm.intent-fear-of-violence   |
      | imitation firearm | possessed | public place  | none | indictable offence | no          | 10A   | 008/16 | weapons.firearm.intent-indictable-offence |
      | imitation firearm | possessed | public place  | none | none               | no          | 10B   | 081/77 | weapons.firearm.public-place              |
      | firearm           | possessed | private place | none | none               | no          | 10B   | 081/03 | weapons.firearm.without-certificate       |

  Scenario: A knife kept at home is not an offence of possession (p.94)
    Given act "w1" has weapon "blade or point"
    And act "w1" has conduct "possessed"
    And act "w1" has location type "private place"
    When the incident is decided
    Then no crimes are recorded
    And act "w1" is not recorded because of "weapons.possession.private-place" as a no crime

  Scenario: Having a corrosive substance on school premises is not the public place offence (pp.94-95)
    Given act "w1" has weapon "corrosive substance"
    And act "w1" has conduct "possessed"
    And act "w1" has location type "school"
    When the incident is decided
    Then no crimes are recorded
    And act "w1" is not recorded because of "weapons.possession.corrosive-at-school" as a no crime

  Scenario: In a private place a threat with a knife needs a risk of serious harm (p.94)
    Given act "w1" has weapon "blade or point"
    And act "w1" has conduct "threatened"
    And act "w1" has location type "private place"
    And act "w1" has risk of harm "none"
    When the incident is decided
    Then no crimes are recorded
    And act "w1" is not recorded because of "weapons.threat.below-threshold" as a no crime

  Scenario: A knife used in a robbery or assault is not recorded as a weapons offence as well (p.94)
    Given "V" is a man aged 50
    And "V" has confirmation "confirmed"
    And "S" is the stranger of "V"
    And act "w1" has used in another offence "yes"
    And act "w1" has weapon "blade or point"
    And act "w1" has conduct "possessed"
    And act "w1" has location type "public place"
    And the acts are:
      | act | type         | by | against | injury | intent serious harm |
      | a1  | use of force | S  | V       | minor  | yes                 |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 5D "005/01" is recorded for "V"
    And act "w1" is not recorded because of "weapons.used-in-another-offence" as a no crime
    And every act is accounted for

  Scenario: A knife threat against a named person is victim-based: recorded on the victim's account, never asked the points to prove (p.94; p.7)
    Given "V" is a man aged 40
    And "V" has confirmation "confirmed"
    And "S" is the stranger of "V"
    And act "w2" is a weapon possession or threat by "S" against "V"
    And act "w2" has weapon "blade or point"
    And act "w2" has conduct "threatened"
    And act "w2" has location type "public place"
    And act "w2" has risk of harm "physical"
    And act "w2" has used in another offence "no"
    When the incident is decided
    Then a crime of 10D "008/64" is recorded for "V"
    And the decision does not ask for "acts[w2].attributes.points_to_prove_made_out"

  Scenario: A knife threat with no one named as threatened waits for the points to prove (p.8)
    Given act "w2" is a weapon possession or threat by "S"
    And act "w2" has weapon "blade or point"
    And act "w2" has conduct "threatened"
    And act "w2" has location type "public place"
    And act "w2" has risk of harm "physical"
    And act "w2" has used in another offence "no"
    When the incident is decided
    Then act "w2" is undecided
    And the decision asks for "acts[w2].attributes.points_to_prove_made_out" to decide whether to record
    And rule "weapons.threat.no-victim.points-to-prove" fired
