@edition-2026-27
Feature: Sexual assault and assault by penetration - 20A, 20B, 17A, 17B
  CRR 2026/27 pp.64-65. Sexual penetration of the vagina or anus with a part of the body or an
  object is assault by penetration; sexual touching is sexual assault. Both are recorded by the
  victim's sex (20A/20B female, 17A/17B male) and age (under 13, or 13 and over). Under 13 consent
  does not matter; the offence can be committed by a man or a woman.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "S" is a man aged 40
    And "S" is the stranger of "V"

  Scenario: Assault by penetration can be committed by a woman (p.65)
    Given "V" is a woman aged 22
    And "W" is a woman aged 30
    And "W" is the stranger of "V"
    And act "a1" is a sexual contact by "W" against "V"
    And act "a1" has penetration "other"
    And act "a1" has consent "not given"
    When the incident is decided
    Then a crime of 20A "020/03" is recorded for "V"
    And that crime has offender "W"
    And that crime cites "p.65"

  Scenario: Sexual touching with the victim's consent in dispute is recorded (pp.63-64)
    Given "V" is a woman aged 22
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "in dispute"
    When the incident is decided
    Then a crime of 20A "020/05" is recorded for "V"
    And the decision notes "sexual.consent-in-dispute" for act "a1"

  Scenario: Rape, assault by penetration and touching of one victim in one incident are one crime of rape (pp.12-14)
    Given "V" is a woman aged 22
    And the acts are:
      | act | type           | by | against | penetration | consent   |
      | a1  | sexual contact | S  | V       | none        | not given |
      | a2  | sexual contact | S  | V       | other       | not given |
      | a3  | sexual contact | S  | V       | penis       | not given |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 19C "019/08" is recorded for "V"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And act "a2" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario Outline: Penetration, the victim's sex and age decide the class and code (pp.64-65)
    Given "V" is a <victim> aged <age>
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "<penetration>"
    And act "a1" has consent "<consent>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | victim | age | penetration | consent   | class | code   | rule                                          |
      | girl   | 9   | other       | willing   | 20B   | 020/04 | sexual-assault.penetration.female.under-13    |
      | woman  | 34  | other       | not given | 20A   | 020/03 | sexual-assault.penetration.female.13-and-over |
      | boy    | 9   | other       | willing   | 17B   | 017/14 | sexual-assault.penetration.male.under-13      |
      | boy    | 13  | other       | not given | 17A   | 017/13 | sexual-assault.penetration.male.13-and-over   |
      | girl   | 9   | none        | willing   | 20B   | 020/06 | sexual-assault.touching.female.under-13       |
      | woman  | 34  | none        | not given | 20A   | 020/05 | sexual-assault.touching.female.13-and-over    |
      | boy    | 9   | none        | willing   | 17B   | 017/16 | sexual-assault.touching.male.under-13         |
      | boy    | 13  | none        | not given | 17A   | 017/15 | sexual-assault.touching.male.13-and-over      |
