@edition-2026-27
Feature: Miscellaneous crimes against society - 69, 79, 83, 802
  CRR 2026/27 pp.95-97. Offender Management Act offences (69), perverting the course of justice (79),
  the few notifiable bail offences (83) and dangerous driving (802) are offences against the state.
  Breach of bail is not notifiable. Dangerous driving is a crime related incident until the
  investigation confirms it.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And "S" is a man aged 33

  Scenario Outline: Offender Management Act offences (p.95)
    Given act "m1" is a prison security breach by "S"
    And act "m1" has conduct "<conduct>"
    And act "m1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class 69 is recorded by row "prison security breach, <conduct>" of table "conduct-classes"
    And the decision notes "prison.one-crime-per-offender" for act "m1"

    Examples:
      | conduct                 |
      | assist escape           |
      | convey list a           |
      | convey list b           |
      | throw into prison       |
      | possess knife in prison |
      | possess item in prison  |

  Scenario Outline: Perverting the course of justice (pp.95-96)
    Given act "m1" is an interference with justice by "S"
    And act "m1" has conduct "<conduct>"
    And act "m1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class 79 is recorded by row "interference with justice, <conduct>" of table "conduct-classes"
    And rule "justice.one-crime-per-offender" fired

    Examples:
      | conduct                                |
      | perverting                             |
      | intimidating witness                   |
      | harming witness                        |
      | intimidating witness other proceedings |

  Scenario: A witness assaulted to stop them giving evidence: the assault is recorded as well (p.95)
    Given "V" is a woman aged 60
    And "S" is the stranger of "V"
    And the acts are:
      | act | type                      | by | against | conduct         | points to prove made out | injury |
      | m1  | interference with justice | S  |         | harming witness | yes                      |        |
      | a1  | use of force              | S  | V       |                 |                          | minor  |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8N "008/06" is recorded for "V"
    And rule "justice.harming-witness" fired
    And every act is accounted for

  Scenario Outline: Only a few bail offences are notifiable (p.96)
    Given act "m1" is a bail related conduct by "S"
    And act "m1" has conduct "<conduct>"
    And act "m1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class 83 is recorded by row "bail related conduct, <conduct>" of table "conduct-classes"
    And rule "bail.one-crime-per-offender" fired

    Examples:
      | conduct                                 |
      | indemnify surety                        |
      | bail in false name                      |
      | disclose secure college info direct     |
      | disclose secure college info contracted |
      | breach pre charge travel condition      |

  Scenario: Breach of bail is not a notifiable offence (p.96)
    Given act "m1" is a bail related conduct by "S"
    And act "m1" has conduct "breach of bail conditions"
    When the incident is decided
    Then no crimes are recorded
    And act "m1" is not recorded because of "bail.breach-not-notifiable" as a no crime

  Scenario: Dangerous driving stays a crime related incident until the investigation confirms it (p.96)
    Given act "m1" is a manner of driving by "S"
    And act "m1" has points to prove made out "no"
    When the incident is decided
    Then no crimes are recorded
    And the outcome is "crime related incident"
    And act "m1" is not recorded because of "driving.until-confirmed" as a crime related incident

  Scenario: Dangerous driving confirmed by the investigation is 802 (p.96)
    Given act "m1" is a manner of driving by "S"
    And act "m1" has points to prove made out "yes"
    And act "m1" has vehicle known stolen "no"
    And act "m1" has only evidence is intended injury "no"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 802 "802/00" is recorded with no victim
    And rule "driving.dangerous" fired
    And rule "driving.one-crime-per-driver" fired

  Scenario: A driver deliberately runs someone down, having driven dangerously before: 5D and 802 (p.96)
    Given "V" is a man aged 30
    And "S" is the stranger of "V"
    And the acts are:
      | act | type              | by | against | points to prove made out | vehicle known stolen | only evidence is intended injury | injury  | intent serious harm |
      | m1  | manner of driving | S  |         | yes                      | no                   | no                               |         |                     |
      | a1  | use of force      | S  | V       |                          |                      |                                  | serious | yes                 |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 5D "005/01" is recorded for "V"
    And rule "driving.dangerous" fired
    And every act is accounted for

  Scenario: The only evidence of dangerous driving is the deliberate injury: 5D only (pp.96-97)
    Given "V" is a man aged 30
    And "S" is the stranger of "V"
    And the acts are:
      | act | type              | by | against | points to prove made out | vehicle known stolen | only evidence is intended injury | injury  | intent serious harm |
      | m1  | manner of driving | S  |         | yes                      | no                   | yes                              |         |                     |
      | a1  | use of force      | S  | V       |                          |                      |                                  | serious | yes                 |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 5D "005/01" is recorded for "V"
    And act "m1" is not recorded because of "driving.only-evidence-intended-injury" as a no crime
    And every act is accounted for

  Scenario: A vehicle known to be stolen driven dangerously is aggravated vehicle taking (p.97)
    Given act "m1" is a manner of driving by "S"
    And act "m1" has points to prove made out "yes"
    And act "m1" has vehicle known stolen "yes"
    And act "m1" has only evidence is intended injury "no"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 37/2 "037/02" is recorded with no victim
    And rule "driving.stolen-vehicle" fired

  Scenario: Concealing a birth by secretly disposing of the dead newborn child is 15, one crime for each offender
    Given act "b1" is a concealment of birth by "S"
    And act "b1" has secret disposal "yes"
    And act "b1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 15 "015/00" is recorded with no victim
    And that crime names rule "concealment-of-birth"
    And the decision does not ask for "acts[b1].attributes.points_to_prove_made_out"

  Scenario: Concealment of birth: until the points to prove are made out, the act's own question is asked
    Given act "b1" is a concealment of birth by "S"
    And act "b1" has secret disposal "yes"
    When the incident is decided
    Then the decision asks for "acts[b1].attributes.points_to_prove_made_out"
    And no crimes are recorded
