@edition-2026-27
Feature: Officer flows - deciding from an incomplete report at the scene
  An officer rarely has every fact at once. The decision says what to ask next, most decisive
  first, and never guesses: answering the questions one at a time reaches the same decision as the
  complete report. (Questions come from the rules themselves: a rule that could still fire asks
  for what it needs. The row "* | no" answers "no" to every other yes/no question the app shows,
  as an officer ticking "none of these apply" would; any other question must be answered.)

  Scenario: "My ex-partner hit me" - from the first words to the recorded crime
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman of unknown age
    And "S" is a man of unknown age
    And act "a1" is a use of force by "S" against "V"
    And the officer's answers are:
      | field                                              | answer      |
      | acts[a1].attributes.injury                         | minor       |
      | relationships[S,V].kind                            | ex_partner  |
      | persons[V].age                                     | 34          |
      | persons[S].age                                     | 36          |
      | acts[a1].attributes.intent_serious_harm            | no          |
      | acts[a1].attributes.strangulation_or_suffocation   | no          |
      | acts[a1].attributes.racially_or_religiously_aggravated | no      |
      | acts[a1].attributes.in_execution_of_duty           | no          |
      | persons[V].attributes.occupation                   | other       |
      | acts[a1].attributes.threat_only                    | no          |
      | incident.place                                     | dwelling    |
      | incident.channel                                   | phone_999   |
      | incident.attributes.where_committed                | this_force_area |
      | incident.attributes.investigation_primacy          | police      |
      | incident.attributes.public_disorder                | not_disorder |
      | acts[a1].attributes.corrosive_substance            | none        |
      | *                                                  | no          |
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 105A "105/01" is recorded for "V"
    And that crime is provisional
    And the decision assumed "injury = none, not stated"
    And that crime could be changed by "acts[a1].attributes.injury"
    When the officer answers the questions one at a time
    Then the officer was asked "acts[a1].attributes.injury" before "checklist.more-serious-circumstances"
    And the officer was asked 7 questions
    And a crime of 8N "008/06" is recorded for "V"
    And that crime is flagged "domestic abuse"
    And the decision is the same as for the complete report

  Scenario: A mobile call with only the act and the relationship records the least assault now, and asks what could change it
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman of unknown age
    And "S" is a man of unknown age
    And "S" is the partner of "V"
    And act "a1" is a use of force by "S" against "V"
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 105A "105/01" is recorded for "V"
    And that crime is provisional
    And the decision assumed "injury = none, not stated"
    And that crime could be changed by "acts[a1].attributes.injury"
    And that crime could be changed by "persons[V].age"
    And the decision asks "acts[a1].attributes.strangulation_or_suffocation" in the checklist "more-serious-circumstances"
    And every act is accounted for

  Scenario: A passer-by's report: first whether the victim confirms, then what happened
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "V" is a man aged 40
    And "S" is a man aged 30
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And the officer's answers are:
      | field                                              | answer    |
      | persons[V].attributes.confirmation                 | confirmed |
      | acts[a1].attributes.injury                         | serious   |
      | acts[a1].attributes.intent_serious_harm            | yes       |
      | acts[a1].attributes.racially_or_religiously_aggravated | no    |
      | acts[a1].attributes.strangulation_or_suffocation   | no        |
      | acts[a1].attributes.in_execution_of_duty           | no        |
      | persons[V].attributes.occupation                   | other     |
      | acts[a1].attributes.threat_only                    | no        |
      | incident.place                                     | public_place |
      | incident.channel                                   | phone_101 |
      | incident.attributes.recording_necessary            | no        |
      | incident.attributes.where_committed                | this_force_area |
      | incident.attributes.investigation_primacy          | police    |
      | incident.attributes.public_disorder                | not_disorder |
      | acts[a1].attributes.corrosive_substance            | none      |
      | *                                                  | no        |
    When the officer answers the questions one at a time
    Then the officer was asked "persons[V].attributes.confirmation" before "acts[a1].attributes.injury"
    And the officer was asked 5 questions
    And a crime of 5D "005/01" is recorded for "V"
    And the decision is the same as for the complete report

  Scenario: "He touched me on the bus" - a sexual offence reported by a girl of 15, one question at a time
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman of unknown age
    And "S" is a man of unknown age
    And act "a1" is a sexual contact by "S" against "V"
    And the officer's answers are:
      | field                                   | answer          |
      | incident.channel                        | phone_999       |
      | acts[a1].attributes.penetration         | none            |
      | acts[a1].attributes.consent             | not_given       |
      | persons[V].age                          | 15              |
      | incident.attributes.where_committed     | this_force_area |
      | incident.place                          | public_place    |
      | incident.attributes.investigation_primacy | police        |
      | incident.attributes.public_disorder     | not_disorder    |
      | acts[a1].attributes.corrosive_substance | none            |
      | *                                       | no              |
    When the incident is decided
    Then the outcome is "more information required"
    And the first question is "acts[a1].attributes.penetration"
    When the officer answers the questions one at a time
    Then the officer was asked "acts[a1].attributes.penetration" before "acts[a1].attributes.consent"
    And the officer was asked 5 questions
    And a crime of 20A "020/05" is recorded for "V"
    And that crime is flagged "child sexual abuse"
    And the decision is the same as for the complete report

  Scenario: "Someone broke into my house and took my laptop" - a burglary, one question at a time
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a man aged 52
    And "S" is a person of unknown age
    And act "a1" is an entry as trespasser by "S" against "V"
    And the officer's answers are:
      | field                                   | answer          |
      | incident.channel                        | phone_999       |
      | acts[a1].attributes.building            | home            |
      | acts[a1].attributes.entry               | entered         |
      | acts[a1].attributes.purpose             | steal           |
      | acts[a1].attributes.premises            | 12 High Street  |
      | incident.attributes.where_committed     | this_force_area |
      | incident.place                          | dwelling        |
      | incident.attributes.investigation_primacy | police        |
      | incident.attributes.public_disorder     | not_disorder    |
      | acts[a1].attributes.corrosive_substance | none            |
      | persons[S].age                          | 30              |
      | relationships[S,V].kind                 | stranger        |
      | *                                       | no              |
    When the incident is decided
    Then the outcome is "more information required"
    And the first question is "acts[a1].attributes.building"
    When the officer answers the questions one at a time
    Then the officer was asked "acts[a1].attributes.building" first
    And the officer was asked 9 questions
    And a crime of 28I "028/03" is recorded for "V"
    And that crime is not flagged "domestic abuse"
    And the decision is the same as for the complete report

  Scenario: A partial report records what it can and says what is still open
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "S" is a man aged 35
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a2" is a sexual contact by "S" against "V"
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 8N "008/06" is recorded for "V"
    And act "a2" is undecided
    And the first question is "acts[a2].attributes.penetration"
    And the decision asks for "acts[a2].attributes.penetration" to decide whether to record
    And every act is accounted for
