@edition-2026-27
Feature: Robbery - 34A business property, 34B personal property
  CRR 2026/27 p.72, with the robbery / theft from the person line of pp.78-79. Force on a person, or
  a threat of it, to steal is robbery; whose property was taken decides 34A or 34B, not where it
  happened. Business items of a kind usually seen as personal (phones, laptops, pagers) count as
  personal when robbed from the person; mixed property goes by which is worth more. Injuries caused
  during the robbery are counted in the robbery. The alternate offence for retail robbery (p.21) is
  about outcomes and leaves the classification unchanged.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "S" is a man aged 20
    And "S" is the stranger of "V"

  Scenario: A phone robbed from a person in the street is robbery of personal property (p.72)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "on a person"
    And act "a1" has anything taken "yes"
    And act "a1" has property owner "individual"
    And act "a1" has from the person "yes"
    And act "a1" has property kind "other"
    And act "a1" has taken from "elsewhere"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34B "034/01" is recorded for "V"
    And that crime cites "CRR 2026/27 p.72 34B Robbery of personal property"
    And that crime names rule "robbery.personal-property"

  Scenario: A work mobile phone robbed from the employee carrying it counts as personal property (p.72)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "threatened"
    And act "a1" has property owner "business personal items"
    And act "a1" has from the person "yes"
    When the incident is decided
    Then a crime of 34B "034/01" is recorded for "V"

  Scenario: A shoplifter who shoves the security guard to get out with the goods commits robbery of business property (pp.21-22, p.72)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "on a person"
    And act "a1" has anything taken "yes"
    And act "a1" has property owner "business"
    And act "a1" has owning business "Fashion Store Ltd"
    And act "a1" has taken from "shop"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34A "034/01" is recorded for "V"
    And that crime names rule "robbery.business-property.count-per-business"

  Scenario: Two cashiers threatened for one business's takings: one robbery for the business (p.72)
    Given "W" is a man aged 40
    And the acts are:
      | act | type            | by | against | force      | anything taken | property owner | owning business |
      | a1  | taking property | S  | V       | threatened | yes            | business       | Post Office     |
      | a2  | taking property | S  | W       | threatened | yes            | business       | Post Office     |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34A "034/01" is recorded for "V"
    And that crime covers acts "a1", "a2"
    And act "a2" is counted in that crime because of "count.finished-incident"
    And every act is accounted for

  Scenario: Two people robbed of their own property: one crime for each person robbed (p.72)
    Given "W" is a man aged 40
    And the acts are:
      | act | type            | by | against | force      | anything taken | property owner |
      | a1  | taking property | S  | V       | on a person | yes           | individual     |
      | a2  | taking property | S  | W       | on a person | yes           | individual     |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 34B "034/01" is recorded for "V"
    And a crime of 34B "034/01" is recorded for "W"

  Scenario: An injury caused during the robbery is counted in the robbery only (p.72)
    Given the acts are:
      | act | type            | by | against | injury | force       | anything taken | property owner |
      | a1  | use of force    | S  | V       | minor  |             |                |                |
      | a2  | taking property | S  | V       |        | on a person | yes            | individual     |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34B "034/01" is recorded for "V"
    And act "a1" is counted in that crime because of "count.principal-crime"
    And every act is accounted for

  Scenario: A passer-by injured at the time of the robbery is counted in the robbery only, not as an assault of their own (p.72)
    Given "W" is a man aged 52
    And "S" is the stranger of "W"
    And the acts are:
      | act | type            | by | against | injury | force       | anything taken | property owner | at                   |
      | r1  | taking property | S  | V       |        | on a person | yes            | individual     | 2026-06-01T09:40:00Z |
      | a1  | use of force    | S  | W       | minor  |             |                |                | 2026-06-01T09:40:00Z |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34B "034/01" is recorded for "V"
    And that crime covers acts "r1", "a1"
    And that crime names rule "count.robbery.injuries-counted-in-robbery"
    And that crime cites "p.72 34B"
    And act "a1" is counted in that crime because of "count.robbery.injuries-counted-in-robbery"
    And every act is accounted for

  Scenario: A shop's security guard punched as the robber leaves with the takings is counted in the business robbery (p.72 34A, 34B)
    Given "W" is a man aged 45
    And "S" is the stranger of "W"
    And the acts are:
      | act | type            | by | against | injury | force      | anything taken | property owner | owning business | taken from |
      | r1  | taking property | S  | V       |        | threatened | yes            | business       | Corner Shop Ltd | shop       |
      | a1  | use of force    | S  | W       | minor  |            |                |                |                 |            |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 34A "034/01" is recorded for "V"
    And act "a1" is counted in that crime because of "count.robbery.injuries-counted-in-robbery"

  Scenario: An assault on someone else an hour after the robbery is not "at the time" of it: two crimes (p.72)
    Given "W" is a man aged 52
    And "S" is the stranger of "W"
    And the acts are:
      | act | type            | by | against | injury | force       | anything taken | property owner | at                   |
      | r1  | taking property | S  | V       |        | on a person | yes            | individual     | 2026-06-01T08:30:00Z |
      | a1  | use of force    | S  | W       | minor  |             |                |                | 2026-06-01T09:30:00Z |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 34B "034/01" is recorded for "V"
    And a crime of 8N "008/06" is recorded for "W"

  Scenario: A passer-by hurt by someone else, not by the robber, is a crime of its own (p.12 one crime per victim)
    Given "W" is a man aged 52
    And "T" is a man aged 33
    And "T" is the stranger of "W"
    And the acts are:
      | act | type            | by | against | injury | force       | anything taken | property owner |
      | r1  | taking property | S  | V       |        | on a person | yes            | individual     |
      | a1  | use of force    | T  | W       | minor  |             |                |                |
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8N "008/06" is recorded for "W"

  Scenario Outline: Force on a person, whose property, and whether anything was taken decide the class (pp.72, 78-79)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "<force>"
    And act "a1" has anything taken "<taken>"
    And act "a1" has property owner "<owner>"
    And act "a1" has from the person "<from person>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | force            | taken | owner                     | from person | class | code   | rule                                          |
      | on a person      | yes   | individual                | yes         | 34B   | 034/01 | robbery.personal-property                     |
      | threatened       | yes   | individual                | no          | 34B   | 034/01 | robbery.personal-property                     |
      | on a person      | yes   | mixed personal worth more | yes         | 34B   | 034/01 | robbery.personal-property                     |
      | on a person      | yes   | mixed business worth more | yes         | 34A   | 034/01 | robbery.business-property                     |
      | threatened       | yes   | business                  | no          | 34A   | 034/01 | robbery.business-property                     |
      | on a person      | no    | individual                | yes         | 34B   | 034/02 | robbery.personal-property.assault-with-intent |
      | threatened       | no    | business                  | no          | 34A   | 034/02 | robbery.business-property.assault-with-intent |
      | on property only | yes   | individual                | yes         | 39    | 039/00 | theft.from-the-person                         |
      | none             | yes   | individual                | yes         | 39    | 039/00 | theft.from-the-person                         |

  Scenario: A phone pulled cleanly from the victim's hand is theft from the person, not robbery (p.79)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "on property only"
    And act "a1" has property owner "individual"
    And act "a1" has from the person "yes"
    When the incident is decided
    Then a crime of 39 "039/00" is recorded for "V"
    And that crime cites "pp.78-79"

  Scenario: Force used only after the shoplifter had left unchased is not robbery (p.72)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "after theft complete"
    And act "a1" has property owner "business"
    And act "a1" has taken from "shop"
    And act "a1" has premises "Fashion Store, High St"
    When the incident is decided
    Then a crime of 46 "046/00" is recorded for "V"

  Scenario: Until the officer says whether force was used, the theft is recorded and the question asked (pp.78-79)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has property owner "individual"
    And act "a1" has from the person "yes"
    When the incident is decided
    Then a crime of 39 "039/00" is recorded for "V"
    And the decision asks for "acts[a1].attributes.force"

  Scenario: A robbery of a phone and a later handling of it by someone else are two crimes (p.21 Example 1)
    Given act "a1" is a taking property by "S" against "V"
    And act "a1" has force "on a person"
    And act "a1" has property owner "individual"
    And act "a1" has from the person "yes"
    And "T" is a man aged 35
    And act "h1" is a dealing with stolen goods by "T"
    And act "h1" has dealing "received"
    And act "h1" has knew or believed stolen "yes"
    And act "h1" has one of the thieves "no"
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 34B "034/01" is recorded for "V"
    And rule "handling.receiving" fired
    And every act is accounted for
