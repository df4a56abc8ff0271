@edition-2026-27
Feature: Abuse of a position of trust of a sexual nature (class 73)
  A child of 16 or 17 may agree to sexual activity, but an adult who holds a position of trust over
  them (a teacher, a carer in a children's home, a sports coach, a religious leader and others)
  commits an offence of class 73 even so (Home Office notifiable offence list 2026/27, Sexual
  Offences Act 2003 ss.16-17). Under 16 the child sexual offences apply instead.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And "S" is a man aged 34
    And "S" is the acquaintance of "C"

  Scenario Outline: An adult in a position of trust and a willing child of 16 or 17 (ss.16-17)
    Given "C" is a <child> aged <age>
    And act "a1" is a <act> by "S" against "C"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    And act "a1" has offender position of trust "<position>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 73 "<code>" is recorded for "C"
    And that crime names rule "<rule>"

    Examples:
      | child | age | act                      | position         | code   | rule                                 |
      | girl  | 16  | sexual contact           | education        | 073/07 | trust.sexual-activity.female         |
      | boy   | 17  | sexual contact           | sports coach     | 073/08 | trust.sexual-activity.male           |
      | girl  | 17  | causing sexual activity  | religious leader | 073/09 | trust.causing-sexual-activity.female |
      | boy   | 16  | causing sexual activity  | residential care | 073/10 | trust.causing-sexual-activity.male   |

  Scenario: No position of trust: a willing 17 year old and an adult is not an offence
    Given "C" is a girl aged 17
    And act "a1" is a sexual contact by "S" against "C"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    And act "a1" has offender position of trust "none"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "ncrs.no-notifiable-offence"

  Scenario: A willing 17 year old and an adult: whether the adult holds a position of trust is asked
    Given "C" is a girl aged 17
    And act "a1" is a sexual contact by "S" against "C"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    When the incident is decided
    Then the decision asks for "acts[a1].attributes.offender_position_of_trust"
