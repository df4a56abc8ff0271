@edition-2026-27
Feature: Schools protocol - the Serious Offence List by the facts of the act
  Crime Recording (Schools Protocol) 2 of 2; CRR 2026/27 p.12. All sexual assaults, and offences
  in classes 10B, 10C, 10D, 11A, 13, 36, 88A, 92A, 92D, 92E and 106, are on the Serious Offence
  List: a pupil's offence on school premises in school hours is recorded under NCRS, not kept as a
  crime related incident, without a separate answer to the list question.

  Background:
    Given "P" is a girl aged 14
    And "Q" is a boy aged 15
    And "Q" is the acquaintance of "P"
    And an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And it happened at a school
    And the incident has during school hours "yes"

  Scenario: A pupil sexually assaults another in school hours: a sexual assault is on the list
    Given act "a1" is a sexual contact by "Q" against "P"
    And act "a1" has penetration "none"
    And act "a1" has consent "not given"
    When the incident is decided
    Then a crime of 20A "020/05" is recorded for "P"
    And rule "schools.crime-related-incident" was overridden by "schools.serious-offence.sexual-assault"
    And the decision notes "schools.serious-offence.sexual-assault" for act "a1"

  Scenario: Sexual touching of a 12-year-old pupil is a sexual assault whatever was said about consent
    Given "C" is a girl aged 12
    And "Q" is the acquaintance of "C"
    And act "a1" is a sexual contact by "Q" against "C"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    When the incident is decided
    Then a crime of 20B "020/06" is recorded for "C"
    And rule "schools.crime-related-incident" was overridden by "schools.serious-offence.sexual-offence-child-under-13"
    And the decision notes "schools.serious-offence.sexual-offence-child-under-13" for act "a1"

  Scenario: A pupil with a knife in school (10D) is on the list
    Given act "a1" is a weapon possession or threat by "Q"
    And act "a1" has weapon "blade or point"
    And act "a1" has conduct "possessed"
    And act "a1" has location type "school"
    And act "a1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And rule "schools.crime-related-incident" was overridden by "schools.serious-offence.listed-classes"
    And the decision notes "schools.serious-offence.listed-classes" for act "a1"

  Scenario: A pupil with cannabis in school (92E) is on the list
    Given act "a1" is a controlled drug activity by "Q"
    And act "a1" has activity "possession"
    And act "a1" has drug "cannabis"
    And act "a1" has identification "admission"
    And act "a1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And rule "schools.crime-related-incident" was overridden by "schools.serious-offence.drugs"
    And the decision notes "schools.serious-offence.drugs" for act "a1"

  Scenario: Female genital mutilation causes serious injury: on the list
    Given act "a1" is a genital mutilation by "Q" against "P"
    When the incident is decided
    Then rule "schools.crime-related-incident" was overridden by "schools.serious-offence.genital-mutilation"
    And the decision notes "schools.serious-offence.genital-mutilation" for act "a1"

  Scenario: A pupil's criminal damage in school hours is not on the list: a crime related incident
    Given act "a1" is a damage to property by "Q" against "P"
    When the incident is decided
    Then act "a1" is not recorded because of "schools.crime-related-incident" as a crime related incident
