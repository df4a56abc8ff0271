@edition-2026-27
Feature: Assaults - 5D, 8N, 105A, 8S/104, 8T, 8P/105B
  CRR 2026/27 pp.42-47. General rule: one crime for each victim. The injury decides between
  common assault (105A), actual bodily harm and GBH (8N); intent to cause serious harm decides 5D
  whatever the injury; non-fatal strangulation or suffocation is 8N without any injury. Constables
  and other emergency workers assaulted on duty, and racially or religiously aggravated assaults,
  have classes of their own.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a person aged 30
    And "S" is a man aged 25
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"

  Scenario: A knife stab that causes only minor cuts is 5D, as intent to cause serious harm is evident (p.42)
    Given act "a1" has injury "minor"
    And act "a1" has intent serious harm "yes"
    When the incident is decided
    Then a crime of 5D "005/01" is recorded for "V"
    And that crime cites "p.42"

  Scenario: A punch that makes the victim fall and break a leg is 8N GBH, the intent being only to punch (p.42)
    Given act "a1" has injury "serious"
    And act "a1" has intent serious harm "no"
    When the incident is decided
    Then a crime of 8N "008/01" is recorded for "V"

  Scenario: A broken nose or a black eye is actual bodily harm (p.43)
    Given act "a1" has injury "minor"
    And act "a1" has intent serious harm "no"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"

  Scenario: A touch or a passing moment of pain is assault without injury (p.43)
    Given act "a1" has injury "none"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"

  Scenario: Strangulation needs no injury (pp.42-43)
    Given act "a1" has injury "none"
    And act "a1" has strangulation or suffocation "yes"
    When the incident is decided
    Then a crime of 8N "008/77" is recorded for "V"
    And rule "assault.without-injury" was overridden by "assault.strangulation"

  Scenario: A threat of violence inside a home is common assault (p.45)
    Given it happened at a dwelling
    And act "a1" has threat only "yes"
    And act "a1" has injury "none"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And rule "assault.threat-in-a-dwelling" was overridden by "assault.without-injury"

  Scenario: A threat of violence inside a home, the injury not yet stated, is recorded as common assault and the injury is asked (p.45)
    Given it happened at a dwelling
    And act "a1" has threat only "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 105A "105/01" is recorded for "V"
    And that crime names rule "assault.threat-in-a-dwelling"
    And the decision asks for "acts[a1].attributes.injury"

  Scenario: An assault whose report does not mention an injury is recorded now as 105A, provisionally (p.13; p.45)
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 105A "105/01" is recorded for "V"
    And that crime is provisional
    And the decision assumed "injury = none, not stated"
    And that crime could be changed by "acts[a1].attributes.injury"
    And every act is accounted for

  Scenario: The officer then learns of a minor injury: the assault becomes 8N ABH (p.43)
    Given act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision assumed nothing
    And the decision does not ask for "acts[a1].attributes.injury"

  Scenario Outline: Injury, intent, occupation and aggravation decide the class (pp.42-45)
    Given act "a1" has injury "<injury>"
    And act "a1" has intent serious harm "<intent>"
    And act "a1" has strangulation or suffocation "<strangled>"
    And act "a1" has racially or religiously aggravated "<aggravated>"
    And act "a1" has in execution of duty "<on duty>"
    And "V" has occupation "<occupation>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | injury  | intent | strangled | aggravated | on duty | occupation       | class | code   | rule                                      |
      | none    | no     | no        | no         | no      | other            | 105A  | 105/01 | assault.without-injury                    |
      | minor   | no     | no        | no         | no      | other            | 8N    | 008/06 | assault.with-injury.abh                   |
      | serious | no     | no        | no         | no      | other            | 8N    | 008/01 | assault.with-injury.gbh                   |
      | serious | no     | yes       | no         | no      | other            | 8N    | 008/01 | assault.with-injury.gbh                   |
      | minor   | no     | yes       | no         | no      | other            | 8N    | 008/77 | assault.strangulation                     |
      | serious | yes    | no        | no         | no      | other            | 5D    | 005/01 | assault.with-intent                       |
      | minor   | yes    | no        | yes        | no      | other            | 5D    | 005/01 | assault.with-intent                       |
      | none    | no     | no        | no         | yes     | constable        | 104   | 008/73 | assault.constable.without-injury          |
      | minor   | no     | no        | no         | yes     | constable        | 8S    | 008/06 | assault.constable.abh                     |
      | serious | no     | no        | no         | yes     | constable        | 8S    | 008/01 | assault.constable.gbh                     |
      | none    | no     | yes       | no         | yes     | constable        | 8S    | 008/77 | assault.constable.strangulation           |
      | minor   | yes    | no        | no         | yes     | constable        | 8S    | 005/01 | assault.constable.with-intent             |
      | minor   | no     | no        | no         | no      | constable        | 8N    | 008/06 | assault.with-injury.abh                   |
      | none    | no     | no        | no         | yes     | emergency worker | 105A  | 008/73 | assault.emergency-worker.without-injury   |
      | minor   | no     | no        | no         | yes     | emergency worker | 8T    | 008/06 | assault.emergency-worker.abh              |
      | serious | no     | no        | no         | yes     | emergency worker | 8T    | 008/01 | assault.emergency-worker.gbh              |
      | minor   | no     | yes       | no         | yes     | emergency worker | 8T    | 008/77 | assault.emergency-worker.strangulation    |
      | serious | yes    | no        | no         | yes     | emergency worker | 8T    | 005/01 | assault.emergency-worker.with-intent      |
      | none    | no     | no        | yes        | no      | other            | 105B  | 008/57 | assault.aggravated.without-injury         |
      | minor   | no     | no        | yes        | no      | other            | 8P    | 008/60 | assault.aggravated.abh                    |
      | serious | no     | no        | yes        | no      | other            | 8P    | 008/59 | assault.aggravated.gbh                    |
      | none    | no     | yes       | yes        | no      | other            | 8P    | 008/78 | assault.aggravated.strangulation          |
      | minor   | no     | no        | yes        | yes     | constable        | 8P    | 008/60 | assault.aggravated.abh                    |

  Scenario: A stabbing meant to kill is attempted murder, not wounding with intent (pp.14, 84)
    Given act "a1" has injury "serious"
    And act "a1" has intent serious harm "yes"
    And act "a1" has intent to kill "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 2 "002/00" is recorded for "V"
    And rule "assault.with-intent" was overridden by "assault.attempted-murder"

  Scenario: An attempt to kill that misses is attempted murder though nobody is hurt (p.14)
    Given act "a1" has injury "none"
    And act "a1" has intent to kill "yes"
    When the incident is decided
    Then a crime of 2 "002/00" is recorded for "V"
    And rule "assault.without-injury" was overridden by "assault.attempted-murder"

  Scenario Outline: An assault on a constable or emergency worker on duty: the specific class is recorded instead of the general one (p.45; general/counting.yaml specificity)
    Given act "a1" has injury "<injury>"
    And act "a1" has intent serious harm "<intent>"
    And act "a1" has in execution of duty "yes"
    And "V" has occupation "<occupation>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<loser>" was overridden by "<rule>" under "<order>"

    Examples:
      | injury  | intent | occupation       | class | code   | loser                  | rule                                 | order                                 |
      | serious | no     | constable        | 8S    | 008/01 | assault.with-injury.gbh | assault.constable.gbh                | specific.emergency-worker-or-constable |
      | serious | no     | emergency worker | 8T    | 008/01 | assault.with-injury.gbh | assault.emergency-worker.gbh         | specific.emergency-worker-or-constable |
      | minor   | yes    | constable        | 8S    | 005/01 | assault.with-intent    | assault.constable.with-intent        | specific.emergency-worker-or-constable |
      | minor   | no     | constable        | 8S    | 008/06 | assault.with-injury.abh | assault.constable.abh                | overrides                             |
