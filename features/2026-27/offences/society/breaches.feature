@edition-2026-27
Feature: Breaches of orders - 8L, 8Q, 66
  CRR 2026/27 pp.89-90 and p.52. The notifiable breaches are offences against the state: one crime per
  offender, recorded together with the most serious notifiable offence reported at the same time. A
  single act is enough. Breach of a generic court order, bail, a domestic violence protection notice
  or order, or a prison licence is not notifiable.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the ex-partner of "V"

  Scenario Outline: Each notifiable breach has its class and code (pp.89-90)
    Given act "b1" is a breach of order by "S"
    And act "b1" has order "<order>"
    And act "b1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class <class> is recorded by row "<order>" of table "breach-orders"
    And rule "breach.recorded-in-addition" fired

    Examples:
      | order                            | class |
      | restraining order on conviction  | 8L    |
      | restraining order on acquittal   | 66    |
      | harassment injunction            | 8L    |
      | stalking protection order        | 8Q    |
      | stalking protection notification | 66    |
      | non-molestation order            | 66    |
      | criminal behaviour order         | 66    |
      | sex offender notification        | 66    |
      | sexual harm prevention order     | 66    |
      | fgm protection order             | 66    |
      | knife crime prevention order     | 66    |
      | domestic abuse protection order  | 66    |

  Scenario: A breach is recorded alongside the assault reported with it, not folded into it (p.89)
    Given the acts are:
      | act | type            | by | against | order                           | points to prove made out | injury |
      | a1  | use of force    | S  | V       |                                 |                          | minor  |
      | b1  | breach of order | S  |         | restraining order on conviction | yes                      |        |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8N "008/06" is recorded for "V"
    And that crime is flagged "domestic abuse"
    And that crime covers acts "a1"
    And rule "breach.restraining-order-on-conviction" fired
    And the decision notes "breach.consider-new-course-of-conduct" for act "b1"
    And every act is accounted for

  Scenario Outline: Breaches that are not notifiable offences (p.90)
    Given act "b1" is a breach of order by "S"
    And act "b1" has order "<order>"
    When the incident is decided
    Then no crimes are recorded
    And act "b1" is not recorded because of "breach.not-notifiable" as a no crime

    Examples:
      | order                                |
      | other court order                    |
      | bail                                 |
      | domestic violence protection notice  |
      | domestic violence protection order   |
      | prison licence                       |

  Scenario: A breach whose points to prove are not made out is not recorded (p.8)
    Given act "b1" is a breach of order by "S"
    And act "b1" has order "non-molestation order"
    And act "b1" has points to prove made out "no"
    When the incident is decided
    Then no crimes are recorded
    And act "b1" is not recorded because of "state-based.points-to-prove-not-made-out" as a no crime

  Scenario: Until the points to prove are answered the breach waits (p.8)
    Given act "b1" is a breach of order by "S"
    And act "b1" has order "criminal behaviour order"
    When the incident is decided
    Then act "b1" is undecided
    And the decision asks for "acts[b1].attributes.points_to_prove_made_out"
