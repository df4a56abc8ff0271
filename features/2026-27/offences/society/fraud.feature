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
      | false representation | offender present or recent | NFIB90  | 053/40 | fraud.call-for-service.false-representation.kind-not-given |
      | false representation | offender arrested          | NFIB90  | 053/40 | fraud.call-for-service.false-representation.kind-not-given |
      | false representation | passed by nfib             | NFIB90  | 053/40 | fraud.call-for-service.false-representation.kind-not-given |
      | computer misuse      | passed by nfib             | NFIB50  | 053/54 | fraud.call-for-service.computer-misuse    |
      | abuse of position    | local suspect              | NFIB19  | 053/42 | fraud.call-for-service.abuse-of-position  |
      | failing to disclose  | local suspect              | NFIB18  | 053/41 | fraud.call-for-service.failing-to-disclose |
      | computer misuse      | local suspect              | NFIB50  | 053/54 | fraud.call-for-service.computer-misuse    |

  Scenario Outline: Forgery, false documents and articles for fraud are recorded by the force (pp.97-98)
    Given act "f1" is a deception or false document by "S"
    And act "f1" has conduct "<conduct>"
    And act "f1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class <class> is recorded by row "deception or false document, <conduct>" of table "conduct-classes"
    And rule "fraud.local.one-crime-per-offender" fired

    Examples:
      | conduct                         | class |
      | make or supply fraud articles   | 33A   |
      | possess fraud articles          | 33A   |
      | forgery                         | 61    |
      | use false instrument            | 61    |
      | forged drug prescription        | 60    |
      | use forged drug prescription    | 60    |
      | possess false identity document | 61A   |
      | driver or vehicle record fraud  | 814   |

  Scenario Outline: A fraud by false representation with a call for service is recorded under the NFIB class of its kind (NFIB classification pages, 053/40)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has call for service "local suspect"
    And act "f1" has fraud kind "<kind>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "053/40" is recorded for "V"
    And a crime of class <class> is recorded by row "<kind>" of table "nfib-fraud-classes"
    And the decision does not ask for "acts[f1].attributes.fraud_kind"

    Examples:
      | kind                               | class   |
      | advance fee 419                    | NFIB1A  |
      | lottery or prize                   | NFIB1B  |
      | counterfeit cashiers cheque        | NFIB1C  |
      | dating or romance                  | NFIB1D  |
      | fraud recovery                     | NFIB1E  |
      | inheritance                        | NFIB1F  |
      | rental                             | NFIB1G  |
      | other advance fee                  | NFIB1H  |
      | lender loan                        | NFIB1J  |
      | share or boiler room               | NFIB2A  |
      | pyramid or ponzi                   | NFIB2B  |
      | prime bank guarantee               | NFIB2C  |
      | timeshare or holiday club          | NFIB2D  |
      | other investment                   | NFIB2E  |
      | online shopping or auction         | NFIB3A  |
      | consumer phone                     | NFIB3B  |
      | doorstep or bogus trader           | NFIB3C  |
      | other consumer or retail           | NFIB3D  |
      | computer software service          | NFIB3E  |
      | ticket                             | NFIB3F  |
      | retail against business            | NFIB3G  |
      | charity                            | NFIB4A  |
      | grant from charity or lottery fund | NFIB4B  |
      | cheque card or online bank account | NFIB5A  |
      | application not mortgage           | NFIB5B  |
      | mortgage                           | NFIB5C  |
      | mandate                            | NFIB5D  |
      | insurance                          | NFIB6A  |
      | insurance broker                   | NFIB6B  |
      | telecom contract                   | NFIB7   |
      | corporate employee                 | NFIB8A  |
      | corporate procurement              | NFIB8B  |
      | passport application               | NFIB12  |
      | benefit dwp                        | NFIB13  |
      | grant from government              | NFIB14  |
      | tax hmrc                           | NFIB15  |
      | pension by pensioner               | NFIB16A |
      | pension on pensioner               | NFIB16B |
      | other regulatory                   | NFIB17  |
      | driving licence application        | NFIB20A |
      | other                              | NFIB90  |

  Scenario: The kind of fraud not yet known: recorded as other fraud, and the kind is asked (NFIB90)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has call for service "offender arrested"
    When the incident is decided
    Then a crime of NFIB90 "053/40" is recorded for "V"
    And the decision asks for "acts[f1].attributes.fraud_kind"

  Scenario: The NFIB passes a fraud to the force: the force records it locally (Fraud page 1 of 7)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has call for service "passed by nfib"
    And act "f1" has fraud kind "share or boiler room"
    When the incident is decided
    Then a crime of NFIB2A "053/40" is recorded for "V"
    And the decision notes "fraud.call-for-service.note" for act "f1"

  Scenario: A card fraud reported at the station without the bank's say-so goes to the bank first (Fraud page 7 of 7)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has fraud kind "cheque card or online bank account"
    And act "f1" has call for service "none"
    And act "f1" has told by bank to report "no"
    When the incident is decided
    Then no crimes are recorded
    And act "f1" is transferred to "the account holder's bank or card issuer" because of "fraud.bank-account-holder.contact-the-bank"
    And rule "fraud.report-fraud" was overridden by "fraud.bank-account-holder.contact-the-bank"

  Scenario: A card fraud the bank told the victim to report goes to Report Fraud (Fraud page 7 of 7)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has fraud kind "cheque card or online bank account"
    And act "f1" has call for service "none"
    And act "f1" has told by bank to report "yes"
    And act "f1" has pnc registered item "no"
    When the incident is decided
    Then act "f1" is transferred to "Report Fraud" because of "fraud.report-fraud"

  Scenario Outline: Computer misuse with a call for service is recorded under the NFIB class of what was done (NFIB50A-52D)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "computer misuse"
    And act "f1" has call for service "local suspect"
    And act "f1" has computer misuse kind "<kind>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class <class> is recorded by row "<kind>" of table "computer-misuse-classes"

    Examples:
      | kind                          | class   |
      | malware                       | NFIB50A |
      | denial of service             | NFIB51A |
      | hacking server                | NFIB52A |
      | hacking personal device       | NFIB52B |
      | hacking social media or email | NFIB52C |
      | hacking phone system          | NFIB52D |

  Scenario Outline: A fraud abroad is recorded here only with a connection to this country (Fraud pages 5-6 of 7)
    Given act "f1" is a deception or false document by "S" against "V"
    And act "f1" has conduct "false representation"
    And act "f1" has call for service "none"
    And act "f1" has pnc registered item "no"
    And act "f1" has connection with england and wales "<connection>"
    When the incident is decided
    Then no crimes are recorded
    And act "f1" is <result> because of "<rule>"

    Examples: a timeshare fraud suffered in Spain; money passed through London between Belgium and the USA; a lottery scam from Spain
      | connection                         | result                      | rule                     |
      | victim here defrauded while abroad | not recorded                | fraud.abroad.no-connection |
      | bank here used to transfer only    | not recorded                | fraud.abroad.no-connection |
      | none                               | not recorded                | fraud.abroad.no-connection |
      | victim here defrauded from abroad  | transferred to "Report Fraud" | fraud.report-fraud       |
