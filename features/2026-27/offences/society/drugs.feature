@edition-2026-27
Feature: Drug offences - 92A, 92C, 92D, 92E and the Home Office class table
  CRR 2026/27 pp.91-93. What was done with the drug decides the class, the drug decides the code (the
  table on p.93). Drug offences have no victim: one crime for each offender or group, recorded in
  addition to crimes with a victim and to weapons. Possession is recorded on a laboratory or approved
  field test, or - where testing is not justified - on the suspect's admission as attempted possession;
  cannabis also on an experienced officer's identification.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "S" is a man aged 19
    And act "d1" is a controlled drug activity by "S"

  Scenario: Suspected ecstasy, admitted, testing not justified: one crime of attempted possession, 092/53 (p.91 Example 1)
    Given act "d1" has activity "possession"
    And act "d1" has drug "mdma"
    And act "d1" has identification "admission"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And rule "drugs.possession.mdma" fired
    And the decision notes "drugs.possession.attempt-on-admission" for act "d1"

  Scenario: Cannabis identified by an experienced officer is 92E possession (p.91)
    Given act "d1" has activity "possession"
    And act "d1" has drug "cannabis"
    And act "d1" has identification "officer experience"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And rule "drugs.possession.cannabis" fired
    And rule "drugs.one-crime-per-offender" fired

  Scenario: Other drugs are not recorded on an officer's recognition alone: a test or an admission is needed (p.91)
    Given act "d1" has activity "possession"
    And act "d1" has drug "cocaine"
    And act "d1" has identification "officer experience"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then act "d1" is undecided
    And the decision asks for "acts[d1].attributes.identification"
    And rule "drugs.possession.awaiting-identification" fired

  Scenario: Suspected cannabis awaiting a test, with no admission, waits (p.91)
    Given act "d1" has activity "possession"
    And act "d1" has drug "cannabis"
    And act "d1" has identification "awaiting test"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then act "d1" is undecided
    And rule "drugs.possession.cannabis-awaiting-identification" fired

  Scenario: A negative test: no drug offence (p.91)
    Given act "d1" has activity "possession"
    And act "d1" has drug "unspecified"
    And act "d1" has identification "test negative"
    When the incident is decided
    Then no crimes are recorded
    And act "d1" is not recorded because of "drugs.not-a-controlled-drug" as a no crime

  Scenario: Having anabolic steroids is not an offence (p.93 table, 092/67)
    Given act "d1" has activity "possession"
    And act "d1" has drug "anabolic steroids"
    And act "d1" has identification "lab or field test"
    When the incident is decided
    Then no crimes are recorded
    And act "d1" is not recorded because of "drugs.possession.anabolic-steroids" as a no crime

  Scenario: Drugs found on a person who assaulted someone are recorded in addition to the assault (p.91)
    Given "V" is a man aged 40
    And "V" has confirmation "confirmed"
    And "S" is the stranger of "V"
    And act "d1" has activity "possession with intent to supply"
    And act "d1" has drug "heroin"
    And act "d1" has points to prove made out "yes"
    And the acts are:
      | act | type         | by | against | injury |
      | a1  | use of force | S  | V       | none   |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 105A "105/01" is recorded for "V"
    And rule "drugs.possession-with-intent-to-supply.heroin" fired
    And every act is accounted for

  Scenario: Drugs and a knife found on the same person are both recorded (p.94)
    Given act "d1" has activity "possession"
    And act "d1" has drug "cannabis"
    And act "d1" has identification "admission"
    And act "d1" has points to prove made out "yes"
    And the acts are:
      | act | type                        | by | weapon         | conduct   | location type | used in another offence | points to prove made out |
      | w1  | weapon possession or threat | S  | blade or point | possessed | public place  | no                      | yes                      |
    When the incident is decided
    Then 2 crimes are recorded
    And rule "weapons.blade.public-place" fired
    And rule "drugs.possession.cannabis" fired
    And every act is accounted for

  Scenario Outline: The Home Office class table: activity and drug decide class and code (p.93)
    # The facts and the class p.91 gives each activity (92A trafficking, 92C permitting premises,
    # 92D possession, 92E possession of cannabis); the code is the table row's, never re-typed here.
    Given act "d1" has activity "<activity>"
    And act "d1" has drug "<drug>"
    And act "d1" has identification "lab or field test"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class <class> is recorded by row "<activity>, <drug>" of table "drug-classes"
    And every act is accounted for

    Examples:
      | activity                         | drug                  | class |
      | production                       | cocaine               | 92A   |
      | supply                           | cocaine               | 92A   |
      | possession with intent to supply | cocaine               | 92A   |
      | permitting premises              | cocaine               | 92C   |
      | possession                       | cocaine               | 92D   |
      | production                       | heroin                | 92A   |
      | supply                           | heroin                | 92A   |
      | possession with intent to supply | heroin                | 92A   |
      | permitting premises              | heroin                | 92C   |
      | possession                       | heroin                | 92D   |
      | production                       | lsd                   | 92A   |
      | supply                           | lsd                   | 92A   |
      | possession with intent to supply | lsd                   | 92A   |
      | permitting premises              | lsd                   | 92C   |
      | possession                       | lsd                   | 92D   |
      | production                       | mdma                  | 92A   |
      | supply                           | mdma                  | 92A   |
      | possession with intent to supply | mdma                  | 92A   |
      | permitting premises              | mdma                  | 92C   |
      | possession                       | mdma                  | 92D   |
      | production                       | crack                 | 92A   |
      | supply                           | crack                 | 92A   |
      | possession with intent to supply | crack                 | 92A   |
      | permitting premises              | crack                 | 92C   |
      | possession                       | crack                 | 92D   |
      | production                       | methadone             | 92A   |
      | supply                           | methadone             | 92A   |
      | possession with intent to supply | methadone             | 92A   |
      | permitting premises              | methadone             | 92C   |
      | possession                       | methadone             | 92D   |
      | production                       | class a other         | 92A   |
      | supply                           | class a other         | 92A   |
      | possession with intent to supply | class a other         | 92A   |
      | permitting premises              | class a other         | 92C   |
      | possession                       | class a other         | 92D   |
      | production                       | crystal meth          | 92A   |
      | supply                           | crystal meth          | 92A   |
      | possession with intent to supply | crystal meth          | 92A   |
      | permitting premises              | crystal meth          | 92C   |
      | possession                       | crystal meth          | 92D   |
      | production                       | amphetamine           | 92A   |
      | supply                           | amphetamine           | 92A   |
      | possession with intent to supply | amphetamine           | 92A   |
      | permitting premises              | amphetamine           | 92C   |
      | possession                       | amphetamine           | 92D   |
      | production                       | class b other         | 92A   |
      | supply                           | class b other         | 92A   |
      | possession with intent to supply | class b other         | 92A   |
      | permitting premises              | class b other         | 92C   |
      | possession                       | class b other         | 92D   |
      | production                       | cannabis              | 92A   |
      | supply                           | cannabis              | 92A   |
      | possession with intent to supply | cannabis              | 92A   |
      | permitting premises              | cannabis              | 92C   |
      | possession                       | cannabis              | 92E   |
      | production                       | synthetic cannabinoid | 92A   |
      | supply                           | synthetic cannabinoid | 92A   |
      | possession with intent to supply | synthetic cannabinoid | 92A   |
      | permitting premises              | synthetic cannabinoid | 92C   |
      | possession                       | synthetic cannabinoid | 92D   |
      | production                       | ketamine              | 92A   |
      | supply                           | ketamine              | 92A   |
      | possession with intent to supply | ketamine              | 92A   |
      | permitting premises              | ketamine              | 92C   |
      | possession                       | ketamine              | 92D   |
      | production                       | mephedrone            | 92A   |
      | supply                           | mephedrone            | 92A   |
      | possession with intent to supply | mephedrone            | 92A   |
      | permitting premises              | mephedrone            | 92C   |
      | possession                       | mephedrone            | 92D   |
      | production                       | anabolic steroids     | 92A   |
      | supply                           | anabolic steroids     | 92A   |
      | possession with intent to supply | anabolic steroids     | 92A   |
      | permitting premises              | anabolic steroids     | 92C   |
      | production                       | piperazines           | 92A   |
      | supply                           | piperazines           | 92A   |
      | possession with intent to supply | piperazines           | 92A   |
      | permitting premises              | piperazines           | 92C   |
      | possession                       | piperazines           | 92D   |
      | production                       | class c other         | 92A   |
      | supply                           | class c other         | 92A   |
      | possession with intent to supply | class c other         | 92A   |
      | permitting premises              | class c other         | 92C   |
      | possession                       | class c other         | 92D   |
      | production                       | khat                  | 92A   |
      | supply                           | khat                  | 92A   |
      | possession with intent to supply | khat                  | 92A   |
      | permitting premises              | khat                  | 92C   |
      | possession                       | khat                  | 92D   |
      | production                       | nitrous oxide         | 92A   |
      | supply                           | nitrous oxide         | 92A   |
      | possession with intent to supply | nitrous oxide         | 92A   |
      | permitting premises              | nitrous oxide         | 92C   |
      | possession                       | nitrous oxide         | 92D   |
      | production                       | unspecified           | 92A   |
      | supply                           | unspecified           | 92A   |
      | possession with intent to supply | unspecified           | 92A   |
      | permitting premises              | unspecified           | 92C   |
      | possession                       | unspecified           | 92D   |
      | possession on ship               | khat                  | 92A   |
      | possession on ship               | nitrous oxide         | 92A   |
      | possession on ship               | unspecified           | 92A   |
      | carrying on ship                 | nitrous oxide         | 92A   |
      | carrying on ship                 | unspecified           | 92A   |
      | import                           | khat                  | 92A   |
      | import                           | nitrous oxide         | 92A   |
      | import                           | unspecified           | 92A   |
      | export                           | khat                  | 92A   |
      | export                           | nitrous oxide         | 92A   |
      | export                           | unspecified           | 92A   |

  Scenario Outline: Importing, exporting and trafficking on ships: one code for each class of drug (p.93)
    Given act "d1" has activity "<activity>"
    And act "d1" has drug "<drug>"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded with no victim
    And rule "<rule>" fired
    And every act is accounted for

    Examples:
      | activity           | drug          | class | code   | rule                             |
      | possession on ship | crystal meth  | 92A   | 077/53 | drugs.possession-on-ship.class-a |
      | possession on ship | mephedrone    | 92A   | 077/54 | drugs.possession-on-ship.class-b |
      | possession on ship | class c other | 92A   | 077/55 | drugs.possession-on-ship.class-c |
      | carrying on ship   | crystal meth  | 92A   | 077/56 | drugs.carrying-on-ship.class-a   |
      | carrying on ship   | mephedrone    | 92A   | 077/57 | drugs.carrying-on-ship.class-b   |
      | carrying on ship   | class c other | 92A   | 077/58 | drugs.carrying-on-ship.class-c   |
      | import             | crystal meth  | 92A   | 092/03 | drugs.import.class-a             |
      | import             | mephedrone    | 92A   | 092/04 | drugs.import.class-b             |
      | import             | class c other | 92A   | 092/05 | drugs.import.class-c             |
      | export             | crystal meth  | 92A   | 092/06 | drugs.export.class-a             |
      | export             | mephedrone    | 92A   | 092/07 | drugs.export.class-b             |
      | export             | class c other | 92A   | 092/08 | drugs.export.class-c             |
