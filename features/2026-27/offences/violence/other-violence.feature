@edition-2026-27
Feature: Other violence - 11A child cruelty, 36 kidnapping, false imprisonment and forced marriage, 5E, dogs, FGM, spiking
  CRR 2026/27 pp.38-46. One crime for each child, each intended victim or each person; causing
  danger to road users and dogs dangerously out of control are offences against the state, one crime
  for each offender. Forced marriage and FGM carry the honour-based abuse flag. Spiking is classified
  by the suspect's intent, and as 8N where the intent is not known.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "S" is a man aged 35

  Scenario: A parent who leaves a young child alone without food is guilty of child cruelty (p.38)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And "C" is a boy aged 4
    And "S" is the parent of "C"
    And act "x1" is a child ill treatment or neglect by "S" against "C"
    And act "x1" has offender responsible for child "yes"
    And act "x1" has likely unnecessary suffering "yes"
    When the incident is decided
    Then a crime of 11A "011/03" is recorded for "C"
    And that crime cites "p.38"

  Scenario Outline: Taking or holding a person: kidnapping, false imprisonment, hostage taking (pp.38-39)
    Given "S" is the stranger of "V"
    And the acts are:
      | act | type                       | by | against | restraint   | by force or fraud | victim consented | lawful excuse | hostage threats |
      | x1  | taking or detaining person | S  | V       | <restraint> | <force>           | no               | no            | <hostage>       |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 36 "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | restraint  | force | hostage | code   | rule               |
      | taken away | yes   | no      | 036/01 | kidnapping         |
      | detained   | no    | no      | 036/03 | false-imprisonment |
      | taken away | no    | no      | 036/03 | false-imprisonment |
      | detained   | yes   | yes     | 036/04 | hostage-taking     |

  Scenario: Only blocking someone's way is not false imprisonment (p.39)
    Given act "x1" is a taking or detaining person by "S" against "V"
    And act "x1" has restraint "way blocked only"
    When the incident is decided
    Then no crimes are recorded
    And act "x1" is not recorded because of "false-imprisonment.way-blocked-only" as a no crime

  Scenario Outline: A child taken away without force or fraud: consider child abduction (p.39)
    Given an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And "C" is a girl aged 9
    And "S" is the <relationship> of "C"
    And the acts are:
      | act | type                       | by | against | restraint  | by force or fraud | victim consented | lawful excuse |
      | x1  | taking or detaining person | S  | C       | taken away | no                | yes              | no            |
    When the incident is decided
    Then a crime of 13 "<code>" is recorded for "C"
    And rule "<rule>" fired

    Examples:
      | relationship | code   | rule                     |
      | parent       | 013/01 | child-abduction.by-parent |
      | neighbour    | 013/02 | child-abduction.by-other  |

  Scenario Outline: A child taken away and held as a hostage is hostage taking, not child abduction (p.39)
    Given "C" is a girl aged 9
    And "S" is the <relationship> of "C"
    And the acts are:
      | act | type                       | by | against | restraint  | by force or fraud | victim consented | lawful excuse | hostage threats |
      | x1  | taking or detaining person | S  | C       | taken away | no                | no               | no            | yes             |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 36 "036/04" is recorded for "C"
    And rule "<abduction rule>" was overridden by "hostage-taking"

    Examples:
      | relationship | abduction rule            |
      | parent       | child-abduction.by-parent |
      | neighbour    | child-abduction.by-other  |

  Scenario: Forcing an adult to marry by threats is forced marriage, always flagged honour-based and domestic abuse (p.39)
    Given "S" is the acquaintance of "V"
    And act "x1" is a causing marriage by "S" against "V"
    And act "x1" has coercion used "yes"
    When the incident is decided
    Then a crime of 36 "036/05" is recorded for "V"
    And that crime is flagged "honour based abuse"
    And that crime is flagged "domestic abuse"
    And that crime names rule "forced-marriage.flag-domestic-abuse"
    And the decision does not ask for "acts[x1].attributes.honour_based"

  Scenario: Arranging a marriage for a 17-year-old is an offence without any coercion (p.39)
    Given "G" is a girl aged 17
    And "S" is the parent of "G"
    And act "x1" is a causing marriage by "S" against "G"
    And act "x1" has coercion used "no"
    When the incident is decided
    Then a crime of 36 "036/15" is recorded for "G"
    And that crime is flagged "honour based abuse"
    And that crime is flagged "domestic abuse"
    And the decision does not ask for "acts[x1].attributes.honour_based"

  Scenario: Throwing stones into the road from a bridge is causing danger to road users, one crime per offender (p.39)
    Given "T" is a boy aged 15
    And act "x1" is a road danger by "S", "T"
    And act "x1" has intentional without lawful cause "yes"
    And act "x1" has obviously dangerous "yes"
    And act "x2" is a road danger by "S", "T"
    And act "x2" has intentional without lawful cause "yes"
    And act "x2" has obviously dangerous "yes"
    When the incident is decided
    Then 1 crime is recorded
    And rule "road-danger" fired
    And every act is accounted for

  Scenario: Encouraging someone online to seriously harm themselves is 5E, whether or not they do (pp.40-41)
    Given act "x1" is a self harm encouraged by "S" against "V"
    And act "x1" has intended serious self harm "yes"
    When the incident is decided
    Then a crime of 5E "005/30" is recorded for "V"

  Scenario: A dog that bites a visitor in the owner's home is dangerously out of control (p.44)
    Given act "x1" is a dog out of control by "S" against "V"
    And act "x1" has dog injured "person"
    When the incident is decided
    Then 1 crime is recorded
    And rule "dog-dangerously-out-of-control" fired

  Scenario: A dog out of control that injures nobody is not recorded under 8N (p.44)
    Given act "x1" is a dog out of control by "S" against "V"
    And act "x1" has dog injured "nobody"
    When the incident is decided
    Then act "x1" is not recorded because of "dog-out-of-control.no-injury" as a no crime

  Scenario: A teacher's mandatory report of FGM on a girl, done abroad, is recorded at once with the HBA flag (pp.44-45)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And "G" is a girl aged 11
    And "S" is a woman aged 40
    And "S" is the parent of "G"
    And the acts are:
      | act | type               | by | against | fgm involvement         | outside england and wales | mandatory duty report |
      | x1  | genital mutilation | S  | G       | carried out or assisted | yes                       | yes                   |
    When the incident is decided
    Then a crime of 8N "008/52" is recorded for "G"
    And that crime is flagged "honour based abuse"
    And the decision does not ask for "acts[x1].attributes.honour_based"
    And the decision notes "fgm.mandatory-report" for act "x1"
    And the decision notes "fgm.outside-england-and-wales" for act "x1"

  Scenario: Failing to protect a girl under 16 from FGM is recorded under 8N (p.44)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And "G" is a girl aged 8
    And the acts are:
      | act | type               | by | against | fgm involvement   |
      | x1  | genital mutilation | S  | G       | failed to protect |
    When the incident is decided
    Then a crime of 8N "008/68" is recorded for "G"

  Scenario Outline: Spiking is classified by the suspect's intent; unknown intent is 8N (p.46)
    Given the acts are:
      | act | type    | by | against | suspect intent |
      | x1  | spiking | S  | V       | <intent>       |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | intent          | class | code   | rule                   |
      | injure or annoy | 8N    | 008/02 | spiking.injure-or-annoy |
      | unknown         | 8N    | 008/02 | spiking.injure-or-annoy |
      | endanger life   | 5E    | 005/10 | spiking.endanger-life   |
      | sexual          | 88C   | 088/05 | spiking.sexual          |

  Scenario: A spiking reported before the suspect's intent is known is recorded as 8N and the intent asked (p.46)
    Given act "x1" is a spiking by "S" against "V"
    When the incident is decided
    Then a crime of 8N "008/02" is recorded for "V"
    And the decision asks for "acts[x1].attributes.suspect_intent"
