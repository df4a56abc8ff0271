@edition-2026-27
Feature: Death or serious injury caused by unlawful driving (4/4, 4/6, 4/8, 4/9) and by aggravated vehicle taking (37/1)
  CRR 2026/27 pp.36-38. One crime for each victim killed or seriously injured. A death is an N300/04
  road death, and a serious injury a crime related incident, until the investigation confirms the
  offence; unlicensed, uninsured or disqualified drivers and aggravated vehicle taking are recorded
  from the outset.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "P" is a person aged 25
    And "Q" is a person aged 67
    And "R" is a person aged 19
    And "Q" has confirmation "confirmed"

  Scenario: Example 7 - a crash at twice the speed limit kills a passenger and a pedestrian: two N300/04 road deaths (p.36)
    Given the acts are:
      | act | type                             | by | against | harm caused | standard of driving |
      | k1  | driving causing death or injury  | R  | P       | death       | not yet established |
      | k2  | driving causing death or injury  | R  | Q       | death       | not yet established |
    When the incident is decided
    Then no crimes are recorded
    And the outcome is "notifiable incident"
    And act "k1" is not recorded because of "driving.death.investigation-pending" as a notifiable incident
    And act "k2" is not recorded because of "driving.death.investigation-pending" as a notifiable incident
    And every act is accounted for

  Scenario: Example 7 - once dangerous driving is made out, both become causing death by dangerous driving (p.36)
    Given the acts are:
      | act | type                             | by | against | harm caused | standard of driving |
      | k1  | driving causing death or injury  | R  | P       | death       | dangerous           |
      | k2  | driving causing death or injury  | R  | Q       | death       | dangerous           |
    When the incident is decided
    Then 2 crimes are recorded
    And rule "driving.dangerous.death" fired
    And rule "driving.victim-died-cannot-confirm" fired
    And the decision notes "driving.victim-died-cannot-confirm" for act "k1"
    And the decision does not ask for "persons[P].attributes.confirmation"
    And every act is accounted for

  Scenario: A serious injury is a crime related incident until the standard of driving is established (p.37)
    Given the acts are:
      | act | type                             | by | against | harm caused    | standard of driving |
      | k1  | driving causing death or injury  | R  | Q       | serious injury | not yet established |
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "k1" is not recorded because of "driving.serious-injury.investigation-pending" as a crime related incident

  Scenario: A disqualified driver who kills is recorded from the outset, before the driving is judged (p.37)
    Given the acts are:
      | act | type                             | by | against | harm caused | standard of driving | driver licence status |
      | k1  | driving causing death or injury  | R  | Q       | death       | not yet established | disqualified          |
    When the incident is decided
    Then 1 crime is recorded
    And rule "driving.death.investigation-pending" was overridden by "driving.disqualified.death"

  Scenario: A road death with no fault in the driving stays an N300/04 road death (p.34)
    Given the acts are:
      | act | type                             | by | against | harm caused | standard of driving | driver licence status | vehicle taken without consent |
      | k1  | driving causing death or injury  | R  | Q       | death       | not at fault        | lawful                | no                            |
    When the incident is decided
    Then act "k1" is not recorded because of "driving.death.not-at-fault" as a notifiable incident

  Scenario Outline: The standard of driving and the harm decide the class (p.37)
    Given the acts are:
      | act | type                             | by | against | harm caused | standard of driving | driver impairment | driver licence status | vehicle taken without consent |
      | k1  | driving causing death or injury  | R  | Q       | <harm>      | <driving>           | none              | lawful                | no                            |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of class <class> is recorded by row "<driving>, <harm>" of table "driving-standard"
    And every act is accounted for

    Examples:
      | harm           | driving   | class |
      | death          | dangerous | 4/4   |
      | serious injury | dangerous | 4/4   |
      | death          | careless  | 4/8   |
      | serious injury | careless  | 4/8   |

  Scenario Outline: The harm, the driving and the driver decide the class (pp.37-38)
    Given the acts are:
      | act | type                             | by | against | harm caused | standard of driving | driver impairment | driver licence status | vehicle taken without consent |
      | k1  | driving causing death or injury  | R  | Q       | <harm>      | <driving>           | <impairment>      | <licence>             | <taken>                       |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "Q"
    And rule "<rule>" fired
    And every act is accounted for

    Examples:
      | harm           | driving             | impairment                | licence                 | taken | class | code   | rule                                     |
      | death          | careless            | drink or drugs            | lawful                  | no    | 4/6   | 004/06 | driving.careless-impaired.death          |
      | death          | careless            | specified drug over limit | lawful                  | no    | 4/6   | 004/13 | driving.careless-drug-limit.death        |
      | death          | not yet established | none                      | unlicensed or uninsured | no    | 4/9   | 004/09 | driving.unlicensed-or-uninsured.death    |
      | death          | careless            | none                      | disqualified            | no    | 4/9   | 004/17 | driving.disqualified.death               |
      | serious injury | not yet established | none                      | disqualified            | no    | 4/9   | 004/18 | driving.disqualified.serious-injury      |
      | death          | not yet established | none                      | lawful                  | yes   | 37/1  | 037/01 | driving.aggravated-vehicle-taking.death  |
      | death          | dangerous           | none                      | lawful                  | yes   | 4/4   | 004/04 | driving.aggravated-vehicle-taking.death  |

  Scenario: A taken vehicle driven carelessly over the drug limit kills someone: 4/6, not death by aggravated vehicle taking (pp.13, 37-38)
    Given the acts are:
      | act | type                             | by | against | harm caused | standard of driving | driver impairment         | driver licence status | vehicle taken without consent |
      | k1  | driving causing death or injury  | R  | Q       | death       | careless            | specified drug over limit | lawful                | yes                           |
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 4/6 "004/13" is recorded for "Q"
    And rule "driving.aggravated-vehicle-taking.death" was overridden by "driving.careless-drug-limit.death"
    And every act is accounted for
