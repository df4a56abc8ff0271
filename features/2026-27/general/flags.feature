@edition-2026-27
Feature: Domestic abuse flag
  CRR 2026/27 p.28. Behaviour between two people each aged 16 or over who are personally
  connected (partners and ex-partners, relatives, co-parents) is domestic abuse, and the crime is
  flagged.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim

  Scenario: An ex-partner punches a woman, causing bruising (the core example)
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the ex-partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime is flagged "domestic abuse"
    And that crime cites "p.28"
    And the record-by time is "2026-06-02T10:00:00Z"

  Scenario: The same assault without injury is common assault, still domestic abuse
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the ex-partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "domestic abuse"

  Scenario: Relatives are personally connected
    Given "V" is a man aged 70
    And "S" is a man aged 40
    And "S" is the child of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "domestic abuse"

  Scenario: A victim under 16 is not within the domestic abuse definition
    Given "V" is a girl aged 15
    And "S" is a boy aged 17
    And "S" is the partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is not flagged "domestic abuse"

  Scenario: Strangers are not personally connected
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is not flagged "domestic abuse"
    And the decision does not ask for "persons[V].age"

  Scenario: Unknown ages are asked for, not assumed
    Given "V" is a woman of unknown age
    And "S" is a man aged 36
    And "S" is the partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is not flagged "domestic abuse"
    And the decision asks for "persons[V].age"

  Scenario: An unknown relationship is asked for, not assumed
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision asks for "relationships[S,V].kind"

  # ---------------------------------------------------------------- hate crime (pp.26-27)
  Scenario Outline: Hostility perceived on one strand flags a hate crime of that strand (p.26)
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has hostility perceived "yes"
    And act "a1" has <strand> "yes"
    And act "a1" has targeted religion "christian"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "hate crime"
    And that crime names rule "<rule>"
    And that crime cites "p.26"

    Examples:
      | strand                       | rule                                |
      | hostility race               | flag.hate-crime.race                |
      | hostility religion           | flag.hate-crime.religion            |
      | hostility sexual orientation | flag.hate-crime.sexual-orientation  |
      | hostility disability         | flag.hate-crime.disability          |
      | hostility transgender        | flag.hate-crime.transgender         |

  Scenario: Race and religion may both be flagged on one offence (p.26)
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has hostility perceived "yes"
    And act "a1" has hostility race "yes"
    And act "a1" has hostility religion "yes"
    And act "a1" has targeted religion "jewish"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime names rule "flag.hate-crime.race"
    And that crime names rule "flag.hate-crime.religion"
    And that crime is flagged "perceived religion"
    And that crime names rule "flag.perceived-religion.jewish"

  Scenario: No hostility perceived: no hate crime flag, and no questions about strands
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has hostility perceived "no"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is not flagged "hate crime"
    And the decision does not ask for "acts[a1].attributes.hostility_race"

  Scenario: Anti-Muslim hostility towards a Sikh victim records the religion targeted, Muslim (p.27 example)
    Given "V" is a man aged 50
    And "S" is a man aged 25
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has hostility perceived "yes"
    And act "a1" has hostility religion "yes"
    And act "a1" has targeted religion "muslim"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "hate crime"
    And that crime is flagged "perceived religion"
    And that crime names rule "flag.perceived-religion.muslim"
    And that crime cites "p.27"

  Scenario Outline: The religion flag always carries the perceived religion targeted (p.27)
    Given "V" is a man aged 50
    And "S" is a man aged 25
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has hostility perceived "yes"
    And act "a1" has hostility religion "yes"
    And act "a1" has targeted religion "<religion>"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "perceived religion"
    And that crime names rule "<rule>"

    Examples:
      | religion    | rule                                |
      | christian   | flag.perceived-religion.christian   |
      | buddhist    | flag.perceived-religion.buddhist    |
      | hindu       | flag.perceived-religion.hindu       |
      | sikh        | flag.perceived-religion.sikh        |
      | other       | flag.perceived-religion.other       |
      | no religion | flag.perceived-religion.no-religion |
      | unknown     | flag.perceived-religion.unknown     |

  Scenario: The religion targeted not yet known: Unknown is applied and the question stays open (p.27)
    Given "V" is a man aged 50
    And "S" is a man aged 25
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has hostility perceived "yes"
    And act "a1" has hostility religion "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "perceived religion"
    And that crime names rule "flag.perceived-religion.unknown"
    And the decision asks for "acts[a1].attributes.targeted_religion"

  # ---------------------------------------------------------------- metal theft (p.27)
  Scenario Outline: Metal taken for its scrap value carries one metal theft flag (p.27)
    Given "G" is a man aged 45
    And "S" is a man aged 36
    And "S" is the stranger of "G"
    And act "a1" is a taking property by "S" against "G"
    And act "a1" has force "none"
    And act "a1" has property kind "other"
    And act "a1" has taken from "elsewhere"
    And act "a1" has taken in country "england"
    And act "a1" has scrap metal motive "yes"
    And act "a1" has metal kind "<kind>"
    When the incident is decided
    Then a crime of 49 "049/10" is recorded for "G"
    And that crime is flagged "metal theft"
    And that crime names rule "<rule>"
    And that crime is not flagged "<not>"

    Examples:
      | kind               | rule                                  | not         |
      | infrastructure     | flag.metal-theft.infrastructure       | hate crime  |
      | non infrastructure | flag.metal-theft.non-infrastructure   | hate crime  |
      | unsure             | flag.metal-theft.infrastructure       | hate crime  |

  Scenario: Force used while taking metal, but not for its scrap value: no metal theft flag (p.27)
    Given "G" is a man aged 45
    And "S" is a man aged 36
    And "S" is the stranger of "G"
    And act "a1" is a use of force by "S" against "G"
    And act "a1" has injury "none"
    And act "a1" has scrap metal motive "no"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "G"
    And that crime is not flagged "metal theft"

  # ---------------------------------------------------------------- online, CSA/CSE, alcohol, corrosive, HBA, spiking
  Scenario: An offence committed partly online is flagged online crime (p.29)
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the ex-partner of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has done online "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is flagged "online crime"
    And that crime is flagged "domestic abuse"

  Scenario: A child forced into sexual activity: child sexual abuse flag (p.29)
    Given "C" is a girl aged 12
    And "S" is a man aged 36
    And "S" is the stranger of "C"
    And act "a1" is a use of force by "S" against "C"
    And act "a1" has injury "none"
    And act "a1" has child sexual abuse "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "C"
    And that crime is flagged "child sexual abuse"
    And that crime is not flagged "child sexual exploitation"

  Scenario: Child sexual exploitation is always flagged child sexual abuse too (p.29)
    Given "C" is a girl aged 15
    And "S" is a man aged 36
    And "S" is the stranger of "C"
    And act "a1" is a use of force by "S" against "C"
    And act "a1" has injury "none"
    And act "a1" has child sexual exploitation "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "C"
    And that crime is flagged "child sexual exploitation"
    And that crime is flagged "child sexual abuse"
    And that crime names rule "flag.child-sexual-exploitation.is-abuse"

  Scenario: An adult victim is outside the child sexual abuse flag
    Given "V" is a woman aged 19
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has child sexual abuse "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is not flagged "child sexual abuse"

  Scenario Outline: A sexual offence against a child is child sexual abuse without asking (p.29)
    Given "C" is a <child> aged <age>
    And "S" is a man aged 36
    And "S" is the stranger of "C"
    And act "a1" is a <act> by "S" against "C"
    And act "a1" has <attribute> "<value>"
    When the incident is decided
    Then a crime of <class> "<code>" is recorded for "C"
    And that crime is flagged "child sexual abuse"
    And that crime names rule "flag.child-sexual-abuse.sexual-offence"
    And that crime is not flagged "child sexual exploitation"
    And the decision does not ask for "acts[a1].attributes.child_sexual_abuse"

    Examples:
      | child | age | act                             | attribute   | value | class | code   |
      | girl  | 12  | sexual contact                  | penetration | none  | 20B   | 020/06 |
      | boy   | 13  | sexual communication with child | meeting     | no    | 88A   | 071/17 |

  Scenario: A 17-year-old sexually assaulted is a child: child sexual abuse (p.29)
    Given "C" is a woman aged 17
    And "S" is a man aged 36
    And "S" is the stranger of "C"
    And act "a1" is a sexual contact by "S" against "C"
    And act "a1" has penetration "none"
    And act "a1" has consent "not given"
    When the incident is decided
    Then a crime of 20A "020/05" is recorded for "C"
    And that crime is flagged "child sexual abuse"

  Scenario: The same sexual assault on an 18-year-old is not child sexual abuse (p.29)
    Given "V" is a woman aged 18
    And "S" is a man aged 36
    And "S" is the stranger of "V"
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "none"
    And act "a1" has consent "not given"
    When the incident is decided
    Then a crime of 20A "020/05" is recorded for "V"
    And that crime is not flagged "child sexual abuse"

  Scenario: Inciting a child's prostitution for gain is child sexual exploitation and abuse (p.29)
    Given "C" is a girl aged 16
    And "S" is a man aged 36
    And "S" is the stranger of "C"
    And act "a1" is a commercial sexual services by "S" against "C"
    And act "a1" has conduct "causing or inciting for gain"
    When the incident is decided
    Then a crime of 24 "024/17" is recorded for "C"
    And that crime is flagged "child sexual exploitation"
    And that crime is flagged "child sexual abuse"
    And that crime names rule "flag.child-sexual-exploitation.sexual-services"
    And that crime names rule "flag.child-sexual-exploitation.sexual-services.is-abuse"

  Scenario: Alcohol perceived as aggravating the offence: alcohol flag (p.30)
    Given "V" is a man aged 22
    And "S" is a man aged 23
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has alcohol aggravating "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is flagged "alcohol"

  Scenario: Acid thrown in the victim's face, tissue damage seen: corrosive flag (p.30)
    Given "V" is a man aged 22
    And "S" is a man aged 23
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "serious"
    And act "a1" has intent serious harm "yes"
    And act "a1" has corrosive substance "verified"
    When the incident is decided
    Then a crime of 5D "005/01" is recorded for "V"
    And that crime is flagged "corrosive"

  Scenario: A threat to throw a liquid that cannot be shown to be corrosive is not flagged (p.30)
    Given "V" is a man aged 22
    And "S" is a man aged 23
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has threat only "yes"
    And act "a1" has corrosive substance "unverified"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And that crime is not flagged "corrosive"

  Scenario: Violence to punish a perceived breach of family honour: honour-based abuse flag (p.31)
    Given "V" is a woman aged 19
    And "S" is a man aged 45
    And "S" is the parent of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has honour based "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is flagged "honour based abuse"
    And that crime is flagged "domestic abuse"

  Scenario: A drink spiked with drugs: spiking flag (p.31)
    Given "V" is a woman aged 24
    And "S" is a man aged 30
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has spiking "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime is flagged "spiking"
    And that crime cites "p.31"
