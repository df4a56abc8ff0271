@edition-2026-27
Feature: 8R Malicious communications - threatening, indecent or grossly offensive, false messages
  CRR 2026/27 pp.50-51, 57-60 (and 5E flashing images, p.40). One crime for each recipient. A
  single message can be a crime; a series of them is a course of conduct and the conduct crime is
  recorded instead. Rude or offensive is not unlawful unless grossly offensive.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "S" is a man aged 32
    And "S" is the acquaintance of "V"
    And act "m1" is a message sent by "S" against "V"

  Scenario: A single text threatening to kill, meant to be feared, is a threatening communication (pp.38, 60)
    Given act "m1" has content "threat of death or serious harm"
    And act "m1" has intended fear threat carried out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8R "005/28" is recorded for "V"
    And that crime cites "p.60"

  Scenario: A threatening message not meant to be feared does not meet the threshold (p.60)
    Given act "m1" has content "threat of death or serious harm"
    And act "m1" has intended fear threat carried out "no"
    When the incident is decided
    Then no crimes are recorded
    And act "m1" is not recorded because of "malcomms.threat-below-threshold" as a no crime

  Scenario: A threatening message whose sender's intent is not yet known waits for that answer (p.59 b)
    Given act "m1" has content "threat of death or serious harm"
    When the incident is decided
    Then the outcome is "more information required"
    And the decision asks for "acts[m1].attributes.intended_fear_threat_carried_out"

  Scenario: Indecent or grossly offensive calls that cause distress must be recorded (pp.50, 59-60)
    Given act "m1" has content "indecent or grossly offensive"
    And act "m1" has purpose distress or anxiety "yes"
    When the incident is decided
    Then a crime of 8R "008/72" is recorded for "V"

  Scenario: A knowingly false message meant to cause non-trivial harm is a false communication (p.60)
    Given act "m1" has content "knowingly false"
    And act "m1" has intended non trivial harm "yes"
    When the incident is decided
    Then a crime of 8R "138/52" is recorded for "V"

  Scenario: A false message without intent to harm is not a notifiable offence (p.60)
    Given act "m1" has content "knowingly false"
    And act "m1" has intended non trivial harm "no"
    And act "m1" has one of a series "no"
    When the incident is decided
    Then no crimes are recorded
    And act "m1" is not recorded because of "ncrs.no-notifiable-offence"

  Scenario: Rude or offensive but not grossly offensive is freedom of speech (p.59)
    Given act "m1" has content "offensive only"
    When the incident is decided
    Then the outcome is "no crime"
    And act "m1" is not recorded because of "malcomms.offensive-only" as a no crime

  Scenario: Calls that are only a nuisance are anti-social behaviour (pp.50-51)
    Given act "m1" has content "nuisance only"
    When the incident is decided
    Then act "m1" is not recorded because of "malcomms.nuisance-only" as a no crime

  Scenario: Flashing images sent to someone known to have epilepsy, meaning to harm them, are 5E (p.40)
    Given act "m1" has content "flashing images"
    And act "m1" has intended harm to person with epilepsy "yes"
    When the incident is decided
    Then a crime of 5E "005/29" is recorded for "V"

  Scenario: One crime for each recipient (p.58)
    Given "W" is a man aged 40
    And "S" is the acquaintance of "W"
    And act "m1" has content "indecent or grossly offensive"
    And act "m1" has purpose distress or anxiety "yes"
    And the acts are:
      | act | type         | by | against | content                       | purpose distress or anxiety |
      | m2  | message sent | S  | W       | indecent or grossly offensive | yes                         |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8R "008/72" is recorded for "V"
    And a crime of 8R "008/72" is recorded for "W"
    And every act is accounted for

  Scenario: A message that is one of a series points to the conduct crime (p.58 a)
    Given act "m1" has content "indecent or grossly offensive"
    And act "m1" has purpose distress or anxiety "yes"
    And act "m1" has one of a series "yes"
    When the incident is decided
    Then a crime of 8R "008/72" is recorded for "V"
    And rule "malcomms.one-of-a-series" fired
    And act "m1" is marked for supervisor review by "malcomms.one-of-a-series"

  Scenario: A threatening message with harassment: the threat ranks above section 2 harassment (p.57, p.14)
    Given act "m1" has content "threat of death or serious harm"
    And act "m1" has intended fear threat carried out "yes"
    And the acts are:
      | act | type              | by | against | occasions | effect on victim  | fixated or obsessive |
      | c1  | course of conduct | S  | V       | 3         | alarm or distress | no                   |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8R "005/28" is recorded for "V"
    And act "c1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: An offensive message continuing a recorded conduct crime within three months is added to it (p.57)
    Given act "m1" has content "indecent or grossly offensive"
    And act "m1" has purpose distress or anxiety "yes"
    And act "m1" has continues recorded conduct crime "yes"
    And act "m1" has months since last recorded incident "2"
    When the incident is decided
    Then no crimes are recorded
    And act "m1" is not recorded because of "malcomms.continuation.add-to-recorded-crime"

  Scenario: A false message continuing a recorded conduct crime within three months is added to it (p.57)
    Given act "m1" has content "knowingly false"
    And act "m1" has intended non trivial harm "yes"
    And act "m1" has continues recorded conduct crime "yes"
    And act "m1" has months since last recorded incident "0"
    When the incident is decided
    Then no crimes are recorded
    And act "m1" is not recorded because of "malcomms.continuation.false-added-to-recorded-crime"

  Scenario: A false message that is no crime alone but one of a series is sent for review as a course of conduct (pp.58 a, 60)
    Given act "m1" has content "knowingly false"
    And act "m1" has intended non trivial harm "no"
    And act "m1" has one of a series "yes"
    When the incident is decided
    Then no crimes are recorded
    And rule "malcomms.one-of-a-series" fired
    And act "m1" is marked for supervisor review by "malcomms.one-of-a-series"

  Scenario: A threatening message continuing a recorded conduct crime is recorded additionally (p.58)
    Given act "m1" has content "threat of death or serious harm"
    And act "m1" has intended fear threat carried out "yes"
    And act "m1" has continues recorded conduct crime "yes"
    And act "m1" has months since last recorded incident "1"
    When the incident is decided
    Then a crime of 8R "005/28" is recorded for "V"
    And the decision notes "malcomms.continuation.threat-recorded-additionally" for act "m1"

  Scenario Outline: Threatening and false messages sent before 31 January 2024 were malicious communications, 008/72 (p.59)
    Given act "m1" has content "<content>"
    And act "m1" has <attribute> "yes"
    And act "m1" happened at "<at>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8R "<code>" is recorded for "V"
    And that crime names rule "<rule>"

    Examples:
      | content                         | attribute                        | at                   | code   | rule                                          |
      | threat of death or serious harm | intended fear threat carried out | 2024-01-30T20:00:00Z | 008/72 | malcomms.threatening.before-31-january-2024   |
      | threat of death or serious harm | intended fear threat carried out | 2024-01-31T08:00:00Z | 005/28 | malcomms.threatening                          |
      | knowingly false                 | intended non trivial harm        | 2023-11-02T09:00:00Z | 008/72 | malcomms.false.before-31-january-2024         |
      | knowingly false                 | intended non trivial harm        | 2024-02-01T09:00:00Z | 138/52 | malcomms.false                                |
