@edition-2026-27
Feature: 35 Blackmail and 33 Going equipped for stealing
  CRR 2026/27 p.80: an unwarranted demand with menaces, made for gain or to cause loss, is
  blackmail (one crime for each intended victim), but not a demand for sexual acts, and a demand
  connected to hacking goes to Report Fraud unless the victim complied or lost out. p.83: having
  an article, away from home, for use in burglary or theft is going equipped (one crime per
  offender or group), unless there is a related burglary or theft.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a man aged 40
    And "S" is a man aged 30
    And "S" is the stranger of "V"

  Scenario: A demand for money with a threat to expose the victim is blackmail, even if nothing was paid (p.80)
    Given act "b1" is a demand with menaces by "S" against "V"
    And act "b1" has gain or loss "yes"
    And act "b1" has believed warranted "no"
    And act "b1" has demand for sexual favours "no"
    And act "b1" has connected to hacking "no"
    When the incident is decided
    Then a crime of 35 "035/00" is recorded for "V"
    And that crime cites "p.80"

  Scenario: A demand for sexual acts is not blackmail: the sexual offence is recorded instead (p.80)
    Given act "b1" is a demand with menaces by "S" against "V"
    And act "b1" has demand for sexual favours "yes"
    When the incident is decided
    Then no crimes are recorded
    And act "b1" is not recorded because of "blackmail.sexual-demand" as a no crime

  Scenario: A demand the maker genuinely believed justified is not blackmail (p.80)
    Given act "b1" is a demand with menaces by "S" against "V"
    And act "b1" has demand for sexual favours "no"
    And act "b1" has believed warranted "yes"
    When the incident is decided
    Then act "b1" is not recorded because of "blackmail.not-unwarranted" as a no crime

  Scenario: Sextortion after a hacked account, the victim not having paid, goes to Report Fraud (p.80)
    Given act "b1" is a demand with menaces by "S" against "V"
    And act "b1" has gain or loss "yes"
    And act "b1" has believed warranted "no"
    And act "b1" has demand for sexual favours "no"
    And act "b1" has connected to hacking "yes"
    And act "b1" has victim complied or lost "no"
    When the incident is decided
    Then act "b1" is transferred to "Report Fraud" because of "blackmail.hacking-to-report-fraud"

  Scenario: Sextortion where the victim has paid is recorded here as blackmail (p.80)
    Given act "b1" is a demand with menaces by "S" against "V"
    And act "b1" has gain or loss "yes"
    And act "b1" has believed warranted "no"
    And act "b1" has demand for sexual favours "no"
    And act "b1" has connected to hacking "yes"
    And act "b1" has victim complied or lost "yes"
    When the incident is decided
    Then a crime of 35 "035/00" is recorded for "V"

  Scenario: Two men found away from home with tools for breaking in: one crime of going equipped (p.83)
    Given "T" is a man aged 31
    And act "e1" is a carrying article for theft by "S", "T"
    And act "e1" has away from home "yes"
    And act "e1" has related theft or burglary "no"
    And act "e1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 33 "033/00" is recorded with no victim
    And that crime has offenders "S", "T"

  Scenario: With a related burglary, going equipped is not recorded as well (p.83)
    Given act "e1" is a carrying article for theft by "S"
    And act "e1" has related theft or burglary "yes"
    When the incident is decided
    Then act "e1" is not recorded because of "equipped.related-crime" as a no crime

  Scenario: Tools kept at home are not going equipped (p.83)
    Given act "e1" is a carrying article for theft by "S"
    And act "e1" has away from home "no"
    And act "e1" has related theft or burglary "no"
    When the incident is decided
    Then act "e1" is not recorded because of "equipped.at-home" as a no crime
