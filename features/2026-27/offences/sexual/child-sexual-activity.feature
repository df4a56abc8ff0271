@edition-2026-27
Feature: Sexual activity involving children and causing sexual activity without consent - 21, 22A, 22B
  CRR 2026/27 p.65. A child aged 13 to 15 who took part willingly is recorded under sexual activity
  with a child under 16 (22B), not rape or sexual assault, and only when a parent or guardian, a
  person in the relationship or a multi-agency panel brings it to police (or, for penetration, a
  third party whose referral makes out the points to prove). Causing or inciting a child under 13
  is class 21; an offender under 18 has codes of their own, an adult or an offender of unknown age
  the adult codes. Making a person take part in sexual activity against their will is 22A.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim

  Scenario: An adult offender of unknown age who incites a child under 13 takes the adult code (p.65)
    Given "V" is a girl aged 12
    And "S" is a man of unknown age
    And act "a1" is a causing sexual activity by "S" against "V"
    And act "a1" has penetration "none"
    When the incident is decided
    Then a crime of 21 "021/03" is recorded for "V"
    And that crime cites "p.65"
    And the decision asks for "persons[S].age"

  Scenario: A 17-year-old who incites a child under 13 takes the code for offenders under 18 (p.65)
    Given "V" is a boy aged 10
    And "S" is a boy aged 17
    And act "a1" is a causing sexual activity by "S" against "V"
    And act "a1" has penetration "none"
    When the incident is decided
    Then a crime of 21 "021/25" is recorded for "V"
    And rule "child-sex.causing.under-13.male.no-penetration" was overridden by "child-sex.causing.under-13.male.no-penetration.offender-under-18" under "specific.offender-under-18"

  Scenario: A willing 14-year-old is not sexually assaulted: the touching is 22B (p.65)
    Given "V" is a girl aged 14
    And "S" is a man aged 19
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 22B "022/18" is recorded for "V"

  Scenario: A parent reports their willing 15-year-old's relationship: recorded (p.65)
    Given an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And "V" is a boy aged 15
    And "S" is a woman aged 20
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "willing"
    When the incident is decided
    Then a crime of 22B "022/07" is recorded for "V"
    And the decision does not ask for "incident.attributes.child_sexual_activity_reported_via"

  Scenario: A school reports a willing 14-year-old's relationship: police ask how it came to them (p.65)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And "V" is a girl aged 14
    And "S" is a boy aged 15
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    When the incident is decided
    Then the outcome is "more information required"
    And act "a1" is undecided
    And the decision asks for "incident.attributes.child_sexual_activity_reported_via"
    And every act is accounted for

  Scenario: Non-penetrative activity of a willing 14-year-old brought by another third party is not recorded (p.65)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And the incident has child sexual activity reported via "other third party"
    And "V" is a girl aged 14
    And "S" is a boy aged 15
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "child-sex.willing.not-recorded-from-other-third-party" as a crime related incident

  Scenario: A multi-agency panel's referral is recorded (p.65)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And the incident has child sexual activity reported via "multi agency panel"
    And "V" is a girl aged 14
    And "S" is a boy aged 15
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "willing"
    When the incident is decided
    Then a crime of 22B "022/22" is recorded for "V"

  Scenario Outline: A third party's referral of penetration with a willing 14-year-old is recorded only with the points to prove (p.65)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And the incident has child sexual activity reported via "other third party"
    And "V" is a girl aged 14
    And "S" is a man aged 22
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "willing"
    And the incident has points to prove made out "<made out>"
    When the incident is decided
    Then the outcome is "<outcome>"
    And act "a1" is decided by rule "<rule>"

    Examples:
      | made out | outcome                | rule                                                  |
      | yes      | record crime           | child-sex.activity.female.penetration                 |
      | no       | crime related incident | child-sex.willing.third-party-points-not-made-out     |

  Scenario: A third party's referral of penetration without an answer on the points to prove is undecided (p.65)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And the incident has child sexual activity reported via "other third party"
    And "V" is a girl aged 14
    And "S" is a man aged 22
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "other"
    And act "a1" has consent "willing"
    When the incident is decided
    Then act "a1" is undecided
    And the decision asks for "incident.attributes.points_to_prove_made_out"
    And rule "child-sex.willing.ask-points-to-prove" fired

  Scenario Outline: Sexual activity with a willing child aged 13 to 15 - 22B by sex, penetration and offender's age (p.65)
    Given "V" is a <child> aged <age>
    And "S" is a person aged <offender age>
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "<penetration>"
    And act "a1" has consent "willing"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | child | age | penetration | offender age | class | code   | rule                                                       |
      | girl  | 14  | penis       | 24           | 22B   | 022/06 | child-sex.activity.female.penetration                      |
      | girl  | 14  | other       | 16           | 22B   | 022/12 | child-sex.activity.female.penetration.offender-under-18    |
      | girl  | 14  | none        | 24           | 22B   | 022/18 | child-sex.activity.female.no-penetration                   |
      | girl  | 14  | none        | 16           | 22B   | 022/22 | child-sex.activity.female.no-penetration.offender-under-18 |
      | boy   | 14  | other       | 24           | 22B   | 022/07 | child-sex.activity.male.penetration                        |
      | boy   | 14  | other       | 16           | 22B   | 022/13 | child-sex.activity.male.penetration.offender-under-18      |
      | boy   | 14  | none        | 24           | 22B   | 022/19 | child-sex.activity.male.no-penetration                     |
      | boy   | 14  | none        | 16           | 22B   | 022/23 | child-sex.activity.male.no-penetration.offender-under-18   |

  Scenario Outline: Causing or inciting a child under 13 - 21 by sex, penetration and offender's age (p.65)
    Given "V" is a <child> aged <age>
    And "S" is a person aged <offender age>
    And act "a1" is a causing sexual activity by "S" against "V"
    And act "a1" has penetration "<penetration>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | child | age | penetration | offender age | class | code   | rule                                                               |
      | girl  | 11  | other       | 24           | 21    | 021/02 | child-sex.causing.under-13.female.penetration                      |
      | girl  | 11  | other       | 16           | 21    | 021/14 | child-sex.causing.under-13.female.penetration.offender-under-18    |
      | girl  | 11  | none        | 24           | 21    | 021/03 | child-sex.causing.under-13.female.no-penetration                   |
      | girl  | 11  | none        | 16           | 21    | 021/24 | child-sex.causing.under-13.female.no-penetration.offender-under-18 |
      | boy   | 11  | other       | 24           | 21    | 021/04 | child-sex.causing.under-13.male.penetration                        |
      | boy   | 11  | other       | 16           | 21    | 021/15 | child-sex.causing.under-13.male.penetration.offender-under-18      |
      | boy   | 11  | none        | 24           | 21    | 021/05 | child-sex.causing.under-13.male.no-penetration                     |
      | boy   | 11  | none        | 16           | 21    | 021/25 | child-sex.causing.under-13.male.no-penetration.offender-under-18   |

  Scenario Outline: Causing or inciting a willing child aged 13 to 15 - 22B by sex, penetration and offender's age (p.65)
    Given "V" is a <child> aged <age>
    And "S" is a person aged <offender age>
    And act "a1" is a causing sexual activity by "S" against "V"
    And act "a1" has penetration "<penetration>"
    And act "a1" has consent "willing"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | child | age | penetration | offender age | class | code   | rule                                                               |
      | girl  | 15  | other       | 24           | 22B   | 022/08 | child-sex.causing.under-16.female.penetration                      |
      | girl  | 15  | other       | 16           | 22B   | 022/14 | child-sex.causing.under-16.female.penetration.offender-under-18    |
      | girl  | 15  | none        | 24           | 22B   | 022/20 | child-sex.causing.under-16.female.no-penetration                   |
      | girl  | 15  | none        | 16           | 22B   | 022/24 | child-sex.causing.under-16.female.no-penetration.offender-under-18 |
      | boy   | 15  | other       | 24           | 22B   | 022/09 | child-sex.causing.under-16.male.penetration                        |
      | boy   | 15  | other       | 16           | 22B   | 022/15 | child-sex.causing.under-16.male.penetration.offender-under-18      |
      | boy   | 15  | none        | 24           | 22B   | 022/21 | child-sex.causing.under-16.male.no-penetration                     |
      | boy   | 15  | none        | 16           | 22B   | 022/25 | child-sex.causing.under-16.male.no-penetration.offender-under-18   |

  Scenario Outline: Making a person take part in sexual activity against their will - 22A (p.65)
    Given "V" is a <victim> aged <age>
    And "S" is a man aged 35
    And act "a1" is a causing sexual activity by "S" against "V"
    And act "a1" has penetration "<penetration>"
    And act "a1" has consent "not given"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | victim | age | penetration | class | code   | rule                                                  |
      | woman  | 30  | other       | 22A   | 022/02 | sexual-activity.without-consent.female.penetration    |
      | woman  | 30  | none        | 22A   | 022/04 | sexual-activity.without-consent.female.no-penetration |
      | man    | 30  | other       | 22A   | 022/03 | sexual-activity.without-consent.male.penetration      |
      | man    | 30  | none        | 22A   | 022/05 | sexual-activity.without-consent.male.no-penetration   |

  Scenario: Two 15-year-old girls each ask a 13-year-old boy for an indecent photo, and he sends one to both: 3 crimes (p.66 Example)
    Given an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And "B" is a boy aged 13
    And "G1" is a girl aged 15
    And "G2" is a girl aged 15
    And "G1" is the acquaintance of "B"
    And "G2" is the acquaintance of "B"
    And the acts are:
      | act | type                          | by | against | penetration | consent | unduly forced |
      | a1  | causing sexual activity       | G1 | B       | none        | willing |               |
      | a2  | causing sexual activity       | G2 | B       | none        | willing |               |
      | a3  | self generated indecent image | B  |         |             |         | no            |
    When the incident is decided
    Then 3 crimes are recorded
    And a crime of 22B "022/25" is recorded for "B"
    And that crime has offender "G1"
    And that crime cites "p.65"
    And rule "sexting.self-generated-image" fired
    And every act is accounted for

  Scenario: Historic abuse: the victim's age when it happened decides, not their age now (p.65)
    Given "V" is a woman aged 31
    And "S" is a man aged 58
    And "S" is the other relative of "V"
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "not given"
    And act "a1" happened at "2007-05-01T12:00:00Z"
    And act "a1" happened when the victim was aged 12
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 20B "020/06" is recorded for "V"
    And the decision notes "child-sex.age-at-the-time" for act "a1"

  Scenario: The same report with no age at the time is classified by the age given
    Given "V" is a woman aged 31
    And "S" is a man aged 58
    And "S" is the other relative of "V"
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "not given"
    When the incident is decided
    Then a crime of 20A "020/05" is recorded for "V"
