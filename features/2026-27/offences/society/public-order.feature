@edition-2026-27
Feature: Public order offences - 9A, 9B, 62A, 66
  CRR 2026/27 pp.86-89. Fear or provocation of violence (s4) and intentional harassment, alarm or
  distress (s4A) are 9A, and s4A done because of the victim's sex is the s4B offence (068/25).
  Section 5 is no longer notifiable unless racially or religiously aggravated (9B). Riot and violent
  disorder are 62A, affray 66: offences against the state, one crime per offender or group.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 22
    And "S" is a man aged 30
    And "T" is a man aged 31
    And "U" is a man aged 29
    And "S" is the stranger of "V"
    And act "a1" is a threatening or abusive conduct by "S" against "V"
    And act "a1" has intended victim identified "yes"
    And act "a1" has disorder continuing or witnessed "yes"

  Scenario Outline: What the conduct meant or was likely to do, sex and hostility decide the offence (pp.86-89)
    Given act "a1" has purpose or effect "<purpose>"
    And act "a1" has because of sex "<sex-based>"
    And act "a1" has racially or religiously aggravated "<aggravated>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | purpose          | sex-based | aggravated | class | code   | rule                               |
      | fear of violence | no        | no         | 9A    | 125/11 | public-order.s4-fear-of-violence   |
      | intended distress | no       | no         | 9A    | 125/09 | public-order.s4a-intentional-distress |
      | intended distress | yes      | no         | 9A    | 068/25 | public-order.s4b-sex-based         |
      | fear of violence | no        | yes        | 9B    | 066/91 | public-order.aggravated.s4         |
      | intended distress | yes      | yes        | 9B    | 008/55 | public-order.aggravated.s4a        |
      | likely distress  | no        | yes        | 9B    | 125/82 | public-order.aggravated.s5         |

  Scenario: Comments and gestures aimed at a woman because she is a woman, meant to distress her, are s4B (pp.87-88)
    Given act "a1" has purpose or effect "intended distress"
    And act "a1" has because of sex "yes"
    And act "a1" has racially or religiously aggravated "no"
    When the incident is decided
    Then a crime of 9A "068/25" is recorded for "V"
    And rule "public-order.s4a-intentional-distress" was overridden by "public-order.s4b-sex-based"

  Scenario: Section 5 harassment, alarm or distress is no longer notifiable (p.86)
    Given act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "public-order.s5-not-notifiable" as a no crime

  Scenario: No continuing disorder and no specific victim when police arrive: an incident while enquiries are made (p.86)
    Given act "a2" is a threatening or abusive conduct by "S"
    And act "a2" has purpose or effect "fear of violence"
    And act "a2" has intended victim identified "no"
    And act "a2" has disorder continuing or witnessed "no"
    And act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    When the incident is decided
    Then no crimes are recorded
    And the outcome is "crime related incident"
    And act "a2" is not recorded because of "public-order.no-victim-no-continuing-disorder" as a crime related incident
    And every act is accounted for

  Scenario Outline: How many took part, and for what, decides riot, violent disorder or affray (p.89)
    Given act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    And act "d1" is an unlawful violence by people together by "S", "T", "U"
    And act "d1" has people together "<people>"
    And act "d1" has common purpose "<common purpose>"
    And act "d1" has connected violence against person "no"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded with no victim
    And rule "<rule>" fired
    And rule "public-order.disorder.one-crime-per-offender" fired
    And every act is accounted for

    Examples:
      | people | common purpose | class | code   | rule                          |
      | 14     | yes            | 62A   | 064/01 | public-order.riot             |
      | 14     | no             | 62A   | 065/00 | public-order.violent-disorder |
      | 3      | yes            | 62A   | 065/00 | public-order.violent-disorder |
      | 2      | no             | 66    | 066/01 | public-order.affray           |

  Scenario: A person hurt in a violent disorder is the victim of a further crime, recorded as well (p.89)
    Given act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    And the acts are:
      | act | type                               | by      | against | people together | common purpose | points to prove made out | injury |
      | d1  | unlawful violence by people together | S, T, U |         | 5               | no             | yes                      |        |
      | d2  | use of force                       | S       | V       |                 |                |                          | minor  |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8N "008/06" is recorded for "V"
    And rule "public-order.violent-disorder" fired
    And every act is accounted for

  Scenario: Violence against the person connected with an affray is recorded instead of the affray (p.89)
    Given act "a1" has purpose or effect "likely distress"
    And act "a1" has racially or religiously aggravated "no"
    And the acts are:
      | act | type                               | by | against | people together | connected violence against person | points to prove made out | injury |
      | d1  | unlawful violence by people together | S  |         | 1               | yes                               | yes                      |        |
      | d2  | use of force                       | S  | V       |                 |                                   |                          | none   |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 105A "105/01" is recorded for "V"
    And act "d1" is not recorded because of "public-order.affray.violence-recorded-instead" as a no crime
    And every act is accounted for

  Scenario: Threats of violence with nothing said of hostility are recorded now as 9A; aggravation only refines it (p.86; p.89)
    Given act "a1" has purpose or effect "fear of violence"
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 9A "125/11" is recorded for "V"
    And that crime is not provisional
    And that crime could be changed by "acts[a1].attributes.racially_or_religiously_aggravated"
    And the decision assumed nothing
    And every act is accounted for

  Scenario: The officer then learns the threats were racially aggravated: the class changes to 9B (p.89)
    Given act "a1" has purpose or effect "fear of violence"
    And act "a1" has racially or religiously aggravated "yes"
    When the incident is decided
    Then a crime of 9B "066/91" is recorded for "V"
    And the decision does not ask for "acts[a1].attributes.racially_or_religiously_aggravated"

  Scenario: Conduct only likely to cause distress: whether it was aggravated decides whether there is a crime at all (p.86 NB)
    Given act "a1" has purpose or effect "likely distress"
    When the incident is decided
    Then the outcome is "more information required"
    And act "a1" is undecided
    And the decision asks for "acts[a1].attributes.racially_or_religiously_aggravated" to decide whether to record
    And the decision assumed nothing
