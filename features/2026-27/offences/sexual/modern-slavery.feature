@edition-2026-27
Feature: Modern slavery (106), exploitation of prostitution (24) and soliciting (27)
  CRR 2026/27 pp.48-49, 63. One crime of modern slavery for each person exploited, recorded in
  addition to the most serious other victim-based crime for the same victim and offender. Wholly
  overseas exploitation with no UK link is not recorded; exploitation in Scotland or Northern
  Ireland is referred there; a referral disclosing no offence is kept as intelligence.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And "V" is a woman aged 22
    And "S" is a man aged 40
    And "S" is the stranger of "V"

  Scenario: Rape in circumstances of modern slavery: both the rape and the modern slavery are recorded (p.63; p.48 Principal Crime)
    Given the acts are:
      | act | type                        | by | against | form        | penetration | consent   |
      | a1  | modern slavery exploitation | S  | V       | trafficking |             |           |
      | a2  | sexual contact              | S  | V       |             | penis       | not given |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 106 "036/08" is recorded for "V"
    And that crime names rule "count.principal-crime.modern-slavery-in-addition"
    And a crime of 19C "019/08" is recorded for "V"
    And every act is accounted for

  Scenario: Modern slavery and controlling her prostitution: both recorded (p.48 Principal Crime; p.49 Points to consider)
    Given the acts are:
      | act | type                        | by | against | form                 | conduct              |
      | a1  | modern slavery exploitation | S  | V       | slavery or servitude |                      |
      | a2  | commercial sexual services  | S  | V       |                      | controlling for gain |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 106 "036/06" is recorded for "V"
    And a crime of 24 "024/18" is recorded for "V"

  Scenario: An NRM referral is recorded without waiting for a reasonable grounds decision (p.48)
    Given act "a1" is a modern slavery exploitation by "S" against "V"
    And act "a1" has form "forced labour"
    And act "a1" has where exploited "england and wales"
    When the incident is decided
    Then a crime of 106 "036/07" is recorded for "V"

  Scenario Outline: Where and what the referral discloses decides whether it is recorded (pp.48-49)
    Given act "a1" is a modern slavery exploitation by "S" against "V"
    And act "a1" has form "<form>"
    And act "a1" has where exploited "<where>"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "<rule>" as a <disposition>

    Examples:
      | form                 | where                        | rule                                 | disposition |
      | trafficking          | overseas only                | slavery.overseas-only                | no crime    |
      | no offence disclosed | england and wales            | slavery.no-offence-disclosed         | no crime    |

  Scenario Outline: Modern slavery committed in Scotland or Northern Ireland is transferred there (p.49)
    Given act "a1" is a modern slavery exploitation by "S" against "V"
    And act "a1" has form "forced labour"
    And act "a1" has where exploited "<where>"
    When the incident is decided
    Then the outcome is "transfer"
    And no crimes are recorded
    And act "a1" is transferred to "<body>" because of "<rule>"
    And rule "slavery.forced-labour" was overridden by "<rule>"

    Examples:
      | where            | body                               | rule                     |
      | scotland         | Police Scotland                    | slavery.scotland         |
      | northern ireland | Police Service of Northern Ireland | slavery.northern-ireland |

  Scenario: Keeping a brothel is one crime for the offenders together (p.49)
    Given "T" is a woman aged 45
    And act "a1" is a commercial sexual services by "S", "T"
    And act "a1" has conduct "keeping brothel"
    When the incident is decided
    Then 1 crime is recorded
    And rule "prostitution.brothel" fired
    And every act is accounted for

  Scenario Outline: Exploiting or soliciting prostitution (p.49)
    Given act "a1" is a commercial sexual services by "S" against "V"
    And act "a1" has conduct "<conduct>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | conduct                      | class | code   | rule                                 |
      | causing or inciting for gain | 24    | 024/17 | prostitution.causing-or-inciting     |
      | controlling for gain         | 24    | 024/18 | prostitution.controlling             |
      | soliciting in public         | 27    | 167/01 | prostitution.soliciting              |
      | paying exploited person      | 27    | 167/02 | prostitution.paying-exploited-person |
