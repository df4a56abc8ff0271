@edition-2026-27
Feature: Conduct crimes - 8L harassment, 8Q stalking, 8U controlling or coercive behaviour, 8M
  CRR 2026/27 pp.50-58. A course of conduct (two or more occasions) towards one victim is one
  crime; within it only the most serious conduct offence is recorded, in the order of gravity on
  pp.56-57. A course of conduct by a former partner is stalking unless the FCR decides it is
  harassment only. Other crimes reported with it give way to the conduct crime under the principal
  crime rule, except those ranked above it.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "S" is a man aged 32
    And act "c1" is a course of conduct by "S" against "V"

  Scenario: Unwanted calls, texts and visits on several occasions causing distress are harassment (p.50)
    Given "S" is the acquaintance of "V"
    And act "c1" has occasions "5"
    And act "c1" has effect on victim "alarm or distress"
    And act "c1" has fixated or obsessive "no"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8L "195/94" is recorded for "V"
    And that crime cites "p.50"

  Scenario: Behaviour on one occasion only is not a course of conduct (p.50, p.55)
    Given "S" is the acquaintance of "V"
    And act "c1" has occasions "1"
    And act "c1" has effect on victim "fear of violence"
    When the incident is decided
    Then no crimes are recorded
    And act "c1" is not recorded because of "conduct.single-occasion" as a no crime

  Scenario: Repeated calls that are only a nuisance are anti-social behaviour, not harassment (pp.50-51)
    Given "S" is the stranger of "V"
    And act "c1" has occasions "6"
    And act "c1" has effect on victim "nuisance only"
    When the incident is decided
    Then the outcome is "no crime"
    And act "c1" is not recorded because of "conduct.nuisance-only"

  Scenario: Without the number of occasions the course of conduct cannot be classified
    Given "S" is the acquaintance of "V"
    And act "c1" has effect on victim "alarm or distress"
    When the incident is decided
    Then the outcome is "more information required"
    And act "c1" is undecided
    And the decision asks for "acts[c1].attributes.occasions"

  Scenario: A former partner's course of conduct is recorded as stalking, not harassment (p.55)
    Given "S" is the ex-partner of "V"
    And act "c1" has occasions "3"
    And act "c1" has effect on victim "alarm or distress"
    And act "c1" has fixated or obsessive "no"
    When the incident is decided
    Then a crime of 8Q "195/12" is recorded for "V"
    And that crime is flagged "domestic abuse"
    And rule "conduct.harassment" was overridden by "conduct.former-partner.stalking"

  Scenario: Where a party is under 16 the former-partner default does not apply (p.55)
    Given "V" is a girl aged 15
    And "S" is a boy aged 16
    And "S" is the ex-partner of "V"
    And act "c1" has occasions "3"
    And act "c1" has effect on victim "alarm or distress"
    And act "c1" has fixated or obsessive "no"
    When the incident is decided
    Then a crime of 8L "195/94" is recorded for "V"

  Scenario Outline: The conduct and its effect decide the conduct crime, most serious first (pp.50-57)
    Given "S" is the <relationship> of "V"
    And act "c1" has occasions "4"
    And act "c1" has effect on victim "<effect>"
    And act "c1" has fixated or obsessive "<fixated>"
    And act "c1" has controlling or coercive "<controlling>"
    And act "c1" has racially or religiously aggravated "<aggravated>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | relationship | effect                    | fixated | controlling | aggravated | class | code   | rule                                           |
      | acquaintance | alarm or distress         | no      | no          | no         | 8L    | 195/94 | conduct.harassment                             |
      | acquaintance | serious alarm or distress | no      | no          | no         | 8L    | 195/94 | conduct.harassment                             |
      | neighbour    | fear of violence          | no      | no          | no         | 8L    | 008/30 | conduct.harassment.fear-of-violence            |
      | stranger     | alarm or distress         | yes     | no          | no         | 8Q    | 195/12 | conduct.stalking                               |
      | colleague    | serious alarm or distress | yes     | no          | no         | 8Q    | 008/66 | conduct.stalking.serious-alarm                 |
      | stranger     | fear of violence          | yes     | no          | no         | 8Q    | 008/65 | conduct.stalking.fear-of-violence              |
      | ex-partner   | serious alarm or distress | no      | no          | no         | 8Q    | 008/66 | conduct.former-partner.stalking-serious-alarm  |
      | ex-spouse    | fear of violence          | no      | no          | no         | 8Q    | 008/65 | conduct.former-partner.stalking-fear-of-violence |
      | partner      | serious alarm or distress | no      | yes         | no         | 8U    | 008/67 | conduct.controlling-coercive                   |
      | sibling      | serious alarm or distress | no      | yes         | no         | 8U    | 008/67 | conduct.controlling-coercive                   |
      | partner      | fear of violence          | no      | yes         | no         | 8L    | 008/30 | conduct.harassment.fear-of-violence            |
      | partner      | serious alarm or distress | yes     | yes         | no         | 8Q    | 008/66 | conduct.stalking.serious-alarm                 |
      | partner      | alarm or distress         | no      | yes         | no         | 8L    | 195/94 | conduct.harassment                             |
      | neighbour    | serious alarm or distress | no      | yes         | no         | 8L    | 195/94 | conduct.harassment                             |
      | neighbour    | alarm or distress         | no      | no          | yes        | 8M    | 008/56 | conduct.aggravated                             |
      | stranger     | alarm or distress         | yes     | no          | yes        | 8M    | 008/56 | conduct.aggravated                             |
      | neighbour    | fear of violence          | no      | no          | yes        | 8M    | 008/58 | conduct.aggravated.fear-of-violence            |
      | stranger     | serious alarm or distress | yes     | no          | yes        | 8M    | 008/58 | conduct.aggravated.stalking-serious-alarm      |
      | ex-partner   | serious alarm or distress | no      | no          | yes        | 8M    | 008/58 | conduct.aggravated.former-partner-serious-alarm |
      | ex-partner   | serious alarm or distress | yes     | no          | yes        | 8M    | 008/58 | conduct.aggravated.stalking-serious-alarm      |
      | partner      | serious alarm or distress | no      | yes         | yes        | 8U    | 008/67 | conduct.controlling-coercive                   |
      | partner      | fear of violence          | no      | yes         | yes        | 8M    | 008/58 | conduct.aggravated.fear-of-violence            |

  Scenario: Controlling behaviour towards someone not personally connected is stalking or harassment instead (p.55)
    Given "S" is the colleague of "V"
    And act "c1" has occasions "10"
    And act "c1" has effect on victim "serious alarm or distress"
    And act "c1" has controlling or coercive "yes"
    And act "c1" has fixated or obsessive "no"
    When the incident is decided
    Then a crime of 8L "195/94" is recorded for "V"
    And that crime names rule "conduct.harassment"

  Scenario: A course of conduct is the principal crime over an assault in it (pp.55-57)
    Given "S" is the ex-partner of "V"
    And act "c1" has occasions "6"
    And act "c1" has effect on victim "fear of violence"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has intent serious harm "no"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8Q "008/65" is recorded for "V"
    And that crime covers acts "c1", "a1"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Harassment, stalking and controlling behaviour reported together: only the most serious is recorded (p.55)
    Given "S" is the partner of "V"
    And the acts are:
      | act | type              | by | against | occasions | effect on victim          | controlling or coercive | fixated or obsessive |
      | c2  | course of conduct | S  | V       | 3         | alarm or distress         | no                      | no                   |
    And act "c1" has occasions "20"
    And act "c1" has effect on victim "serious alarm or distress"
    And act "c1" has controlling or coercive "yes"
    And act "c1" has fixated or obsessive "no"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8U "008/67" is recorded for "V"
    And act "c2" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Messages within a course of conduct are covered by the conduct crime (p.58 a)
    Given "S" is the acquaintance of "V"
    And act "c1" has occasions "4"
    And act "c1" has effect on victim "alarm or distress"
    And act "c1" has fixated or obsessive "yes"
    And the acts are:
      | act | type         | by | against | content                       | purpose distress or anxiety | one of a series |
      | m1  | message sent | S  | V       | indecent or grossly offensive | yes                         | yes             |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8Q "195/12" is recorded for "V"
    And act "m1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: Continued stalking within three months, before police dealt with the offender, is added to the recorded crime (pp.57-58)
    Given "S" is the ex-partner of "V"
    And act "c1" has occasions "2"
    And act "c1" has effect on victim "alarm or distress"
    And act "c1" has continues recorded conduct crime "yes"
    And act "c1" has months since last recorded incident "1"
    And act "c1" has offender dealt with since "no"
    When the incident is decided
    Then no crimes are recorded
    And act "c1" is not recorded because of "conduct.continuation.add-to-recorded-crime" as a no crime

  Scenario: Continued conduct after three months is a new crime (p.58)
    Given "S" is the ex-partner of "V"
    And act "c1" has occasions "2"
    And act "c1" has effect on victim "alarm or distress"
    And act "c1" has continues recorded conduct crime "yes"
    And act "c1" has months since last recorded incident "4"
    And act "c1" has offender dealt with since "no"
    When the incident is decided
    Then a crime of 8Q "195/12" is recorded for "V"
    And the decision notes "conduct.continuation.after-three-months" for act "c1"

  Scenario: Conduct after the offender was charged is a fresh course of conduct and a new crime (pp.52, 58)
    Given "S" is the ex-partner of "V"
    And act "c1" has occasions "2"
    And act "c1" has effect on victim "fear of violence"
    And act "c1" has continues recorded conduct crime "yes"
    And act "c1" has months since last recorded incident "1"
    And act "c1" has offender dealt with since "yes"
    When the incident is decided
    Then a crime of 8Q "008/65" is recorded for "V"
    And the decision notes "conduct.continuation.after-police-action" for act "c1"

  Scenario: An ex-partner's repeated unwanted contact, its effect on her not yet stated, is recorded now as stalking (p.13; p.55)
    Given "S" is the ex-partner of "V"
    And act "c1" has occasions "4"
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 8Q "195/12" is recorded for "V"
    And that crime is provisional
    And that crime is flagged "domestic abuse"
    And the decision assumed "effect on the victim = alarm or distress, not stated"
    And every act is accounted for

  Scenario: The officer then learns she fears violence: the former-partner stalking is the fear of violence offence (p.55)
    Given "S" is the ex-partner of "V"
    And act "c1" has occasions "4"
    And act "c1" has effect on victim "fear of violence"
    When the incident is decided
    Then a crime of 8Q "008/65" is recorded for "V"
    And the decision assumed nothing
