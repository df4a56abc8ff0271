@edition-2022-23
Feature: Section 5 Public Order Act before the 2023 review
  Until the 2023 review conduct likely to cause harassment, alarm or distress (section 5) was
  notifiable (9A) where a specific victim other than a police officer was identified; since then
  it is notifiable only when racially or religiously aggravated.

  Background:
    Given an incident reported at "2022-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 22
    And "S" is a man aged 30
    And "S" is the stranger of "V"

  Scenario: Section 5 conduct that distressed an identified member of the public was 9A
    Given act "a1" is a threatening or abusive conduct by "S" against "V"
    And act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    And "V" has occupation "other"
    When the incident is decided
    Then the decision is made under edition "2022-23"
    And a crime of 9A "125/12" is recorded for "V"

  Scenario: Section 5 conduct towards a police officer alone was not a crime
    Given "P" is a man aged 35
    And "P" has occupation "constable"
    And act "a1" is a threatening or abusive conduct by "S" against "P"
    And act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "public-order.s5-police-only" as a no crime

  Scenario: Section 5 conduct with no identified victim was not a crime
    Given act "a1" is a threatening or abusive conduct by "S"
    And act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "public-order.s5-not-notifiable" as a no crime
