@edition-2026-27
Feature: 3B Threats to kill
  CRR 2026/27 p.38. One crime for each person to whom the threat is made. The offender must intend
  the victim to fear the threat would be carried out; the word 'kill' alone is not enough. If not,
  consider a section 4 public order offence, or common assault inside a dwelling. A threat to kill
  sent by call, letter, email, text or social media is more likely a malicious communication.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 40
    And "S" is a man aged 41
    And "S" is the neighbour of "V"
    And act "t1" is a threat to person by "S" against "V"

  Scenario: A face-to-face threat to kill, meant to be feared, is a threat to kill (p.38)
    Given act "t1" has threatened harm "death"
    And act "t1" has intended fear threat carried out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 3B "003/01" is recorded for "V"
    And that crime cites "p.38"

  Scenario: 'I'll kill you' in a row at home, not meant literally but making her fear a blow, is common assault (p.38)
    Given act "t1" has threatened harm "death"
    And act "t1" has intended fear threat carried out "no"
    And act "t1" has victim feared immediate violence "yes"
    And act "t1" has in a dwelling "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"

  Scenario: The same words in the street are a section 4 public order offence (p.38)
    Given act "t1" has threatened harm "death"
    And act "t1" has intended fear threat carried out "no"
    And act "t1" has victim feared immediate violence "yes"
    And act "t1" has in a dwelling "no"
    When the incident is decided
    Then a crime of 9A "125/11" is recorded for "V"

  Scenario: A threat to kill meant to be feared outranks the assault it also amounts to (p.38)
    Given act "t1" has threatened harm "death"
    And act "t1" has intended fear threat carried out "yes"
    And act "t1" has victim feared immediate violence "yes"
    And act "t1" has in a dwelling "yes"
    When the incident is decided
    Then a crime of 3B "003/01" is recorded for "V"
    And rule "threat.common-assault-in-dwelling" was overridden by "threat.to-kill"

  Scenario: Mere use of the word 'kill', with no intent and no fear, is not a crime (p.38)
    Given act "t1" has threatened harm "death"
    And act "t1" has intended fear threat carried out "no"
    And act "t1" has victim feared immediate violence "no"
    When the incident is decided
    Then no crimes are recorded
    And act "t1" is not recorded because of "ncrs.no-notifiable-offence"

  Scenario: A threat to kill sent by text message is a threatening communication (p.38, p.60)
    Given the acts are:
      | act | type         | by | against | content                         | intended fear threat carried out |
      | m1  | message sent | S  | V       | threat of death or serious harm | yes                              |
    And act "t1" has threatened harm "death"
    And act "t1" has intended fear threat carried out "no"
    And act "t1" has victim feared immediate violence "no"
    When the incident is decided
    Then a crime of 8R "005/28" is recorded for "V"
    And that crime covers acts "m1"

  Scenario: One crime for each person threatened (p.38)
    Given "W" is a man aged 45
    And "S" is the neighbour of "W"
    And act "t1" has threatened harm "death"
    And act "t1" has intended fear threat carried out "yes"
    And the acts are:
      | act | type             | by | against | threatened harm | intended fear threat carried out |
      | t2  | threat to person | S  | W       | death           | yes                              |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 3B "003/01" is recorded for "W"
    And every act is accounted for
