@edition-2026-27
Feature: Fraud and cyber crime - Report Fraud, or recorded by the force
  CRR 2026/27 pp.97-98 and the Home Office Counting Rules for fraud (April 2026). Fraud and computer
  misuse go to Report Fraud and are not recorded by the force, unless there is a call for service
  (the offender arrested, committing or just committed it when police were called, or a local
  suspect). Forgery, false documents, articles for fraud, driver and vehicle record fraud and making
  off without payment are always recorded by the force.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 71
    And "S" is a man aged 35
    And "S" is the stranger of "V"

  Scenario: A phone scam with no suspect to find goes to Report Fraud (p.97)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has call for service "none"
    And act "f1" has pnc registered item "no"
    When the incident is decided
    Then no crimes are recorded
    And the outcome is "transfer"
    And act "f1" is not recorded because of "fraud.report-fraud" as a transfer
    And every act is accounted for

  Scenario: Hacking with no call for service goes to Report Fraud (p.97)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "computer misuse"
    And act "f1" has call for service "none"
    When the incident is decided
    Then the outcome is "transfer"
    And act "f1" is not recorded because of "fraud.report-fraud" as a transfer

  Scenario: A car obtained by fraud: the force makes the PNC record, then reports to Report Fraud (p.97)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has call for service "none"
    And act "f1" has pnc registered item "yes"
    When the incident is decided
    Then the outcome is "transfer"
    And act "f1" is not recorded because of "fraud.report-fraud.pnc-item" as a transfer
    And rule "fraud.report-fraud" was overridden by "fraud.report-fraud.pnc-item"

  Scenario Outline: A call for service: the force records the fraud and also reports it to Report Fraud (p.97; Fraud pages 1-2 of 7, Examples 1-4)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "<conduct>"
    And act "f1" has call for service "<call>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And the decision notes "fraud.call-for-service.note" for act "f1"
    And rule "<rule>" fired

    Examples: a cloned card presented at the till; an accountant falsifying the accounts (a local suspect)
      | conduct              | call                       | class   | code   | rule                                      |
      | false representation | offender present or recent | Various | 053/40 | fraud.call-for-service.false-representation |
      | false representation | offender arrested          | Various | 053/40 | fraud.call-for-service.false-representation |
      | abuse of position    | local suspect              | NFIB19  | 053/42 | fraud.call-for-service.abuse-of-position  |
      | failing to disclose  | local suspect              | NFIB18  | 053/41 | fraud.call-for-service.failing-to-disclose |
      | computer misuse      | local suspect              | NFIB50  | 053/54 | fraud.call-for-service.computer-misuse    |

  Scenario Outline: Forgery, false documents and articles for fraud are recorded by the force (pp.97-98)
    Given act "f1" is a deception or false document by "S"
    And act "f1" has conduct "<conduct>"
    And act "f1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded with no victim
    And rule "<rule>" fired
    And rule "fraud.local.one-crime-per-offender" fired

    Examples:
      | conduct                         | class | code   | rule                                |
      | make or supply fraud articles   | 33A   | 053/44 | fraud.local.make-or-supply-articles |
      | possess fraud articles          | 33A   | 053/43 | fraud.local.possess-articles        |
      | forgery                         | 61    | 061/21 | fraud.local.forgery                 |
      | use false instrument            | 61    | 061/22 | fraud.local.use-false-instrument    |
      | forged drug prescription        | 60    | 060/21 | fraud.local.forged-prescription     |
      | use forged drug prescription    | 60    | 060/22 | fraud.local.use-forged-prescription |
      | possess false identity document | 61A   | 061/40 | fraud.local.false-identity-document |
      | driver or vehicle record fraud  | 814   | 814/04 | fraud.local.driver-vehicle-records  |
