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
    Given act "d1" has activity "<activity>"
    And act "d1" has drug "<drug>"
    And act "d1" has identification "lab or field test"
    And act "d1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded with no victim
    And rule "<rule>" fired
    And every act is accounted for

    Examples:
      | activity                         | drug                  | class | code   | rule                                                         |
      | production                       | cocaine               | 92A   | 092/10 | drugs.production.cocaine                                     |
      | supply                           | cocaine               | 92A   | 092/30 | drugs.supply.cocaine                                         |
      | possession with intent to supply | cocaine               | 92A   | 092/70 | drugs.possession-with-intent-to-supply.cocaine               |
      | permitting premises              | cocaine               | 92C   | 093/10 | drugs.permitting-premises.cocaine                            |
      | possession                       | cocaine               | 92D   | 092/50 | drugs.possession.cocaine                                     |
      | production                       | heroin                | 92A   | 092/11 | drugs.production.heroin                                      |
      | supply                           | heroin                | 92A   | 092/31 | drugs.supply.heroin                                          |
      | possession with intent to supply | heroin                | 92A   | 092/71 | drugs.possession-with-intent-to-supply.heroin                |
      | permitting premises              | heroin                | 92C   | 093/11 | drugs.permitting-premises.heroin                             |
      | possession                       | heroin                | 92D   | 092/51 | drugs.possession.heroin                                      |
      | production                       | lsd                   | 92A   | 092/12 | drugs.production.lsd                                         |
      | supply                           | lsd                   | 92A   | 092/32 | drugs.supply.lsd                                             |
      | possession with intent to supply | lsd                   | 92A   | 092/72 | drugs.possession-with-intent-to-supply.lsd                   |
      | permitting premises              | lsd                   | 92C   | 093/12 | drugs.permitting-premises.lsd                                |
      | possession                       | lsd                   | 92D   | 092/52 | drugs.possession.lsd                                         |
      | production                       | mdma                  | 92A   | 092/13 | drugs.production.mdma                                        |
      | supply                           | mdma                  | 92A   | 092/33 | drugs.supply.mdma                                            |
      | possession with intent to supply | mdma                  | 92A   | 092/73 | drugs.possession-with-intent-to-supply.mdma                  |
      | permitting premises              | mdma                  | 92C   | 093/13 | drugs.permitting-premises.mdma                               |
      | possession                       | mdma                  | 92D   | 092/53 | drugs.possession.mdma                                        |
      | production                       | crack                 | 92A   | 092/14 | drugs.production.crack                                       |
      | supply                           | crack                 | 92A   | 092/34 | drugs.supply.crack                                           |
      | possession with intent to supply | crack                 | 92A   | 092/74 | drugs.possession-with-intent-to-supply.crack                 |
      | permitting premises              | crack                 | 92C   | 093/14 | drugs.permitting-premises.crack                              |
      | possession                       | crack                 | 92D   | 092/54 | drugs.possession.crack                                       |
      | production                       | methadone             | 92A   | 092/15 | drugs.production.methadone                                   |
      | supply                           | methadone             | 92A   | 092/35 | drugs.supply.methadone                                       |
      | possession with intent to supply | methadone             | 92A   | 092/75 | drugs.possession-with-intent-to-supply.methadone             |
      | permitting premises              | methadone             | 92C   | 093/15 | drugs.permitting-premises.methadone                          |
      | possession                       | methadone             | 92D   | 092/55 | drugs.possession.methadone                                   |
      | production                       | class a other         | 92A   | 092/19 | drugs.production.class-a-other                               |
      | supply                           | class a other         | 92A   | 092/39 | drugs.supply.class-a-other                                   |
      | possession with intent to supply | class a other         | 92A   | 092/79 | drugs.possession-with-intent-to-supply.class-a-other         |
      | permitting premises              | class a other         | 92C   | 093/19 | drugs.permitting-premises.class-a-other                      |
      | possession                       | class a other         | 92D   | 092/59 | drugs.possession.class-a-other                               |
      | production                       | crystal meth          | 92A   | 093/55 | drugs.production.crystal-meth                                |
      | supply                           | crystal meth          | 92A   | 093/61 | drugs.supply.crystal-meth                                    |
      | possession with intent to supply | crystal meth          | 92A   | 093/73 | drugs.possession-with-intent-to-supply.crystal-meth          |
      | permitting premises              | crystal meth          | 92C   | 093/79 | drugs.permitting-premises.crystal-meth                       |
      | possession                       | crystal meth          | 92D   | 093/67 | drugs.possession.crystal-meth                                |
      | production                       | amphetamine           | 92A   | 092/20 | drugs.production.amphetamine                                 |
      | supply                           | amphetamine           | 92A   | 092/40 | drugs.supply.amphetamine                                     |
      | possession with intent to supply | amphetamine           | 92A   | 092/80 | drugs.possession-with-intent-to-supply.amphetamine           |
      | permitting premises              | amphetamine           | 92C   | 093/20 | drugs.permitting-premises.amphetamine                        |
      | possession                       | amphetamine           | 92D   | 092/60 | drugs.possession.amphetamine                                 |
      | production                       | class b other         | 92A   | 092/25 | drugs.production.class-b-other                               |
      | supply                           | class b other         | 92A   | 092/45 | drugs.supply.class-b-other                                   |
      | possession with intent to supply | class b other         | 92A   | 092/85 | drugs.possession-with-intent-to-supply.class-b-other         |
      | permitting premises              | class b other         | 92C   | 093/25 | drugs.permitting-premises.class-b-other                      |
      | possession                       | class b other         | 92D   | 092/65 | drugs.possession.class-b-other                               |
      | production                       | cannabis              | 92A   | 092/21 | drugs.production.cannabis                                    |
      | supply                           | cannabis              | 92A   | 092/41 | drugs.supply.cannabis                                        |
      | possession with intent to supply | cannabis              | 92A   | 092/81 | drugs.possession-with-intent-to-supply.cannabis              |
      | permitting premises              | cannabis              | 92C   | 093/21 | drugs.permitting-premises.cannabis                           |
      | possession                       | cannabis              | 92E   | 092/61 | drugs.possession.cannabis                                    |
      | production                       | synthetic cannabinoid | 92A   | 092/22 | drugs.production.synthetic-cannabinoid                       |
      | supply                           | synthetic cannabinoid | 92A   | 092/42 | drugs.supply.synthetic-cannabinoid                           |
      | possession with intent to supply | synthetic cannabinoid | 92A   | 092/82 | drugs.possession-with-intent-to-supply.synthetic-cannabinoid |
      | permitting premises              | synthetic cannabinoid | 92C   | 093/22 | drugs.permitting-premises.synthetic-cannabinoid              |
      | possession                       | synthetic cannabinoid | 92D   | 092/62 | drugs.possession.synthetic-cannabinoid                       |
      | production                       | ketamine              | 92A   | 093/60 | drugs.production.ketamine                                    |
      | supply                           | ketamine              | 92A   | 093/66 | drugs.supply.ketamine                                        |
      | possession with intent to supply | ketamine              | 92A   | 093/78 | drugs.possession-with-intent-to-supply.ketamine              |
      | permitting premises              | ketamine              | 92C   | 093/84 | drugs.permitting-premises.ketamine                           |
      | possession                       | ketamine              | 92D   | 093/72 | drugs.possession.ketamine                                    |
      | production                       | mephedrone            | 92A   | 092/23 | drugs.production.mephedrone                                  |
      | supply                           | mephedrone            | 92A   | 092/43 | drugs.supply.mephedrone                                      |
      | possession with intent to supply | mephedrone            | 92A   | 092/83 | drugs.possession-with-intent-to-supply.mephedrone            |
      | permitting premises              | mephedrone            | 92C   | 093/23 | drugs.permitting-premises.mephedrone                         |
      | possession                       | mephedrone            | 92D   | 092/63 | drugs.possession.mephedrone                                  |
      | production                       | anabolic steroids     | 92A   | 092/27 | drugs.production.anabolic-steroids                           |
      | supply                           | anabolic steroids     | 92A   | 092/47 | drugs.supply.anabolic-steroids                               |
      | possession with intent to supply | anabolic steroids     | 92A   | 092/87 | drugs.possession-with-intent-to-supply.anabolic-steroids     |
      | permitting premises              | anabolic steroids     | 92C   | 093/27 | drugs.permitting-premises.anabolic-steroids                  |
      | production                       | piperazines           | 92A   | 093/57 | drugs.production.piperazines                                 |
      | supply                           | piperazines           | 92A   | 093/64 | drugs.supply.piperazines                                     |
      | possession with intent to supply | piperazines           | 92A   | 093/76 | drugs.possession-with-intent-to-supply.piperazines           |
      | permitting premises              | piperazines           | 92C   | 093/82 | drugs.permitting-premises.piperazines                        |
      | possession                       | piperazines           | 92D   | 093/70 | drugs.possession.piperazines                                 |
      | production                       | class c other         | 92A   | 092/28 | drugs.production.class-c-other                               |
      | supply                           | class c other         | 92A   | 092/48 | drugs.supply.class-c-other                                   |
      | possession with intent to supply | class c other         | 92A   | 092/88 | drugs.possession-with-intent-to-supply.class-c-other         |
      | permitting premises              | class c other         | 92C   | 093/28 | drugs.permitting-premises.class-c-other                      |
      | possession                       | class c other         | 92D   | 092/68 | drugs.possession.class-c-other                               |
      | production                       | khat                  | 92A   | 093/62 | drugs.production.khat                                        |
      | supply                           | khat                  | 92A   | 093/68 | drugs.supply.khat                                            |
      | possession with intent to supply | khat                  | 92A   | 093/80 | drugs.possession-with-intent-to-supply.khat                  |
      | permitting premises              | khat                  | 92C   | 093/90 | drugs.permitting-premises.khat                               |
      | possession                       | khat                  | 92D   | 093/74 | drugs.possession.khat                                        |
      | production                       | nitrous oxide         | 92A   | 093/93 | drugs.production.nitrous-oxide                               |
      | supply                           | nitrous oxide         | 92A   | 093/94 | drugs.supply.nitrous-oxide                                   |
      | possession with intent to supply | nitrous oxide         | 92A   | 093/92 | drugs.possession-with-intent-to-supply.nitrous-oxide         |
      | permitting premises              | nitrous oxide         | 92C   | 093/95 | drugs.permitting-premises.nitrous-oxide                      |
      | possession                       | nitrous oxide         | 92D   | 093/91 | drugs.possession.nitrous-oxide                               |
      | production                       | unspecified           | 92A   | 092/29 | drugs.production.unspecified                                 |
      | supply                           | unspecified           | 92A   | 092/49 | drugs.supply.unspecified                                     |
      | possession with intent to supply | unspecified           | 92A   | 092/89 | drugs.possession-with-intent-to-supply.unspecified           |
      | permitting premises              | unspecified           | 92C   | 093/29 | drugs.permitting-premises.unspecified                        |
      | possession                       | unspecified           | 92D   | 092/69 | drugs.possession.unspecified                                 |
      | possession on ship               | crystal meth          | 92A   | 077/53 | drugs.possession-on-ship.class-a                             |
      | possession on ship               | mephedrone            | 92A   | 077/54 | drugs.possession-on-ship.class-b                             |
      | possession on ship               | class c other         | 92A   | 077/55 | drugs.possession-on-ship.class-c                             |
      | possession on ship               | khat                  | 92A   | 077/66 | drugs.possession-on-ship.khat                                |
      | possession on ship               | nitrous oxide         | 92A   | 077/55 | drugs.possession-on-ship.nitrous-oxide                       |
      | possession on ship               | unspecified           | 92A   | 077/59 | drugs.possession-on-ship.unspecified                         |
      | carrying on ship                 | crystal meth          | 92A   | 077/56 | drugs.carrying-on-ship.class-a                               |
      | carrying on ship                 | mephedrone            | 92A   | 077/57 | drugs.carrying-on-ship.class-b                               |
      | carrying on ship                 | class c other         | 92A   | 077/58 | drugs.carrying-on-ship.class-c                               |
      | carrying on ship                 | nitrous oxide         | 92A   | 077/58 | drugs.carrying-on-ship.nitrous-oxide                         |
      | carrying on ship                 | unspecified           | 92A   | 077/60 | drugs.carrying-on-ship.unspecified                           |
      | import                           | crystal meth          | 92A   | 092/03 | drugs.import.class-a                                         |
      | import                           | mephedrone            | 92A   | 092/04 | drugs.import.class-b                                         |
      | import                           | class c other         | 92A   | 092/05 | drugs.import.class-c                                         |
      | import                           | khat                  | 92A   | 092/17 | drugs.import.khat                                            |
      | import                           | nitrous oxide         | 92A   | 092/05 | drugs.import.nitrous-oxide                                   |
      | import                           | unspecified           | 92A   | 092/01 | drugs.import.unspecified                                     |
      | export                           | crystal meth          | 92A   | 092/06 | drugs.export.class-a                                         |
      | export                           | mephedrone            | 92A   | 092/07 | drugs.export.class-b                                         |
      | export                           | class c other         | 92A   | 092/08 | drugs.export.class-c                                         |
      | export                           | khat                  | 92A   | 092/18 | drugs.export.khat                                            |
      | export                           | nitrous oxide         | 92A   | 092/08 | drugs.export.nitrous-oxide                                   |
      | export                           | unspecified           | 92A   | 092/02 | drugs.export.unspecified                                     |
