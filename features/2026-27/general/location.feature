@edition-2026-27
Feature: Location of offence - which force records the crime
  CRR 2026/27 pp.15-16. The force covering where the offence was committed records it (suspect's
  location first, then the victim's, then the victim's home or the business's place). Scotland and
  Northern Ireland get a crime related incident and a referral; crimes abroad are recorded only if
  the victim was in England or Wales or this force investigates; British Transport Police record
  crimes on the railway; crimes in the air follow the agreed procedure.

  Background:
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"

  Scenario: An assault committed in another force area is transferred to that force (p.15)
    Given the incident has where committed "another force area"
    And it happened in the "Kent" force area
    When the incident is decided
    Then the outcome is "transfer"
    And act "a1" is transferred to "Kent" because of "location.another-force-area"
    And every act is accounted for

  Scenario: The other force is not yet named: a crime related incident and a referral (p.15)
    Given the incident has where committed "another force area"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "location.another-force-area.unnamed" as a crime related incident

  Scenario: The assault was committed here: this force records it (p.15)
    Given the incident has where committed "this force area"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"

  Scenario: A crime affecting several forces is recorded by the force that first knew of it (p.16)
    Given the incident has other force first aware "yes"
    And it happened in the "Surrey" force area
    When the incident is decided
    Then act "a1" is transferred to "Surrey" because of "location.another-force-first-aware"

  Scenario: The force that first knew of it is not yet named (p.16)
    Given the incident has other force first aware "yes"
    When the incident is decided
    Then act "a1" is not recorded because of "location.another-force-first-aware.unnamed" as a crime related incident

  Scenario: A crime through phones or the internet is located by the suspect first (p.15 mobile/internet devices)
    Given act "a1" has done online "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "location.device-crimes" for act "a1"

  Scenario Outline: A crime in Scotland or Northern Ireland is referred there (p.15)
    Given the incident has where committed "<country>"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "location.scotland-or-northern-ireland" as a crime related incident

    Examples:
      | country          |
      | scotland         |
      | northern ireland |

  Scenario: Police Scotland decline; the victim was in England when it happened (p.15)
    Given the incident has where committed "scotland"
    And the incident has declined by scotland or ni "yes"
    And the incident has victim in england wales "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "location.scotland-or-northern-ireland.declined" for act "a1"

  Scenario: Police Scotland decline, but the victim was in Scotland too: still not recorded here (p.15)
    Given the incident has where committed "scotland"
    And the incident has declined by scotland or ni "yes"
    And the incident has victim in england wales "no"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "location.scotland-or-northern-ireland.declined-victim-not-here" as a crime related incident

  Scenario: Not yet known whether Police Scotland declined: referred, and the question stays open (p.15)
    Given the incident has where committed "northern ireland"
    When the incident is decided
    Then act "a1" is not recorded because of "location.scotland-or-northern-ireland" as a crime related incident
    And the decision asks for "incident.attributes.declined_by_scotland_or_ni"

  Scenario: An assault abroad with the victim abroad, not investigated here, is not recorded (p.15)
    Given the incident has where committed "outside uk"
    And the incident has victim in england wales "no"
    And the incident has force investigating "no"
    When the incident is decided
    Then the outcome is "no crime"
    And act "a1" is not recorded because of "location.outside-uk" as a no crime

  Scenario: A suspect abroad, the victim in England at the time: recorded (p.15)
    Given the incident has where committed "outside uk"
    And the incident has victim in england wales "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And rule "location.outside-uk" was overridden by "location.outside-uk.victim-here"
    And the decision notes "location.outside-uk.victim-here" for act "a1"

  Scenario: A suspect abroad, this force investigating: recorded (p.15)
    Given the incident has where committed "outside uk"
    And the incident has force investigating "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And rule "location.outside-uk" was overridden by "location.outside-uk.force-investigating"
    And the decision notes "location.outside-uk.force-investigating" for act "a1"

  Scenario: An assault at a railway station is recorded by British Transport Police (p.16)
    Given it happened on a railway
    When the incident is decided
    Then the outcome is "transfer"
    And act "a1" is transferred to "British Transport Police" because of "location.british-transport-police"

  Scenario: A railway location in another force area is still for BTP, not that force (p.16)
    Given it happened on a railway
    And the incident has where committed "another force area"
    And it happened in the "Kent" force area
    When the incident is decided
    Then act "a1" is transferred to "British Transport Police" because of "location.british-transport-police"
    And rule "location.another-force-area" was overridden by "location.british-transport-police"

  Scenario: An assault on an international flight arriving in the UK is a crime related incident (p.16)
    Given it happened on an aircraft
    And the incident has flight "international arriving"
    And the incident has where committed "outside uk"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "location.air.international-arrival" as a crime related incident
    And rule "location.outside-uk" was overridden by "location.air.international-arrival"

  Scenario: An internal UK flight that departed elsewhere: crime related incident, referred (p.16)
    Given it happened on an aircraft
    And the incident has flight "internal uk"
    And the incident has departure airport in this force "no"
    When the incident is decided
    Then act "a1" is not recorded because of "location.air.internal-flight-elsewhere" as a crime related incident

  Scenario: An international departure from an airport in another force is that force's crime (p.16)
    Given it happened on an aircraft
    And the incident has flight "international departing"
    And the incident has departure airport in this force "no"
    And it happened in the "Metropolitan Police" force area
    When the incident is decided
    Then act "a1" is transferred to "Metropolitan Police" because of "location.air.departing-elsewhere"

  Scenario: A British aircraft abroad that last left the UK from an airport here is recorded here (p.16)
    Given it happened on an aircraft
    And the incident has flight "british aircraft in transit"
    And the incident has departure airport in this force "yes"
    And the incident has where committed "outside uk"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And rule "location.outside-uk" was overridden by "location.air.departed-here"
    And the decision notes "location.air.departed-here" for act "a1"

  Scenario: A series across force areas: the act committed in another force area goes to that force (pp.15-16)
    Given act "a2" is a use of force by "S" against "V"
    And act "a2" has injury "minor"
    And act "a2" was committed in the "Kent" force area
    And act "a2" has where act committed "another force area"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime covers acts "a1"
    And act "a2" is transferred to "Kent" because of "location.act-in-another-force-area"
    And every act is accounted for

  Scenario: An act's force area alone asks whether it was committed here or elsewhere (p.15)
    Given act "a1" was committed in the "Kent" force area
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision asks for "acts[a1].attributes.where_act_committed"

  Scenario: An organisation as victim: its place of business, and no person's age or sex is asked of it (p.15)
    Given "SCH" is an organisation (a school)
    And act "d1" is a damage to property by "S" against "SCH"
    And act "d1" has property kind "business or community building"
    And act "d1" has by fire "no"
    When the incident is decided
    Then the decision notes "location.body-corporate" for act "d1"
    And the decision asks nothing about "SCH"
    And every act is accounted for
