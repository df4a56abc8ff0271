@edition-2026-27
Feature: Schools protocol
  CRR 2026/27 p.12 and the Crime Recording (Schools Protocol). Incidents involving pupils on school
  premises in school operating hours are for the school to deal with first: police record a crime
  related incident, unless the offence is on the Serious Offence List or the school or the child's
  family asks for a crime record. School trips and school transport follow NCRS as usual.

  Background:
    Given "P" is a boy aged 13
    And "Q" is a boy aged 14
    And "Q" is the acquaintance of "P"
    And an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And act "a1" is a use of force by "Q" against "P"

  Scenario: A pupil punches another in the playground in school hours (p.12 Schools protocol)
    Given it happened at a school
    And the incident has during school hours "yes"
    And act "a1" has injury "minor"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "schools.crime-related-incident" as a crime related incident
    And the decision asks for "incident.attributes.school_serious_offence"
    And the decision asks for "incident.attributes.crime_record_requested"
    And every act is accounted for

  Scenario: The parent asks police to create a crime record (p.12 (c))
    Given it happened at a school
    And the incident has during school hours "yes"
    And the incident has crime record requested "yes"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "P"
    And the decision notes "schools.crime-record-requested" for act "a1"

  Scenario: An offence on the Serious Offence List is recorded under NCRS (p.12 (a); Serious Offence List)
    Given it happened at a school
    And the incident has during school hours "yes"
    And the incident has school serious offence "yes"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "P"
    And the decision notes "schools.serious-offence" for act "a1"

  Scenario: An assault causing serious injury is on the list (Serious Offence List (d) serious injury)
    Given it happened at a school
    And the incident has during school hours "yes"
    And act "a1" has injury "serious"
    When the incident is decided
    Then a crime of 8N "008/01" is recorded for "P"
    And rule "schools.crime-related-incident" was overridden by "schools.serious-injury-or-intent"
    And the decision notes "schools.serious-injury-or-intent" for act "a1"

  Scenario: An assault with intent to cause serious harm (5D) is on the list (Serious Offence List (b))
    Given it happened at a school
    And the incident has during school hours "yes"
    And act "a1" has injury "minor"
    And act "a1" has intent serious harm "yes"
    When the incident is decided
    Then a crime of 5D "005/01" is recorded for "P"
    And rule "schools.crime-related-incident" was overridden by "schools.intent-serious-harm"
    And the decision notes "schools.intent-serious-harm" for act "a1"

  Scenario: Outside school operating hours NCRS applies (p.12)
    Given it happened at a school
    And the incident has during school hours "no"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "P"

  Scenario: On a school trip NCRS applies (Schools Protocol flowchart guidance)
    Given it happened in a public place
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "P"
