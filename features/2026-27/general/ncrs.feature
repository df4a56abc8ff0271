@edition-2026-27
Feature: Whether to record a crime - the National Crime Recording Standard
  CRR 2026/27 pp.6-10. The victim is believed: a victim-related crime is recorded when the account
  amounts to a notifiable offence and no credible evidence to the contrary is immediately at hand.
  Reports by others need the victim's confirmation, except from professionals, parents and carers,
  or where police judge recording necessary.

  Background:
    Given "V" is a woman aged 34
    And "S" is a man aged 36
    And "S" is the stranger of "V"

  Scenario: The victim's own account is believed and recorded (p.7 recording steps)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then the outcome is "record crime"
    And a crime of 8N "008/06" is recorded for "V"
    And every act is accounted for

  Scenario: A passer-by reports an assault whose victim cannot be traced (p.7 No victim - no crime)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "not_traced"
    When the incident is decided
    Then the outcome is "crime related incident"
    And no crimes are recorded
    And act "a1" is not recorded because of "ncrs.third-party.victim-not-traced" as a crime related incident
    And the decision notes "when.tell-the-victim-when-not-recorded" for act "a1"
    And every act is accounted for

  Scenario: The traced victim does not confirm a third party's report (p.9 Crime Related Incidents)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And "V" has confirmation "declined"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "ncrs.third-party.victim-declines" as a crime related incident

  Scenario: A third party's report waits for the victim to be asked (p.8)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then the outcome is "more information required"
    And act "a1" is undecided
    And the decision asks for "persons[V].attributes.confirmation"
    And the decision asks for "incident.attributes.recording_necessary" to decide whether to record
    And every act is accounted for

  Scenario: The victim confirms a third party's report, though not wanting police action (p.7)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "confirmed"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"

  Scenario: Police judge recording necessary though the victim cannot be found (pp.7-8 Appropriate/Necessary)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "serious"
    And "V" has confirmation "not_traced"
    And the incident has recording necessary "yes"
    When the incident is decided
    Then a crime of 8N "008/01" is recorded for "V"
    And that crime names rule "ncrs.third-party.necessary-or-appropriate"
    And rule "ncrs.third-party.victim-not-traced" was overridden by "ncrs.third-party.necessary-or-appropriate"
    And the decision notes "ncrs.third-party.necessary-or-appropriate" for act "a1"

  Scenario: A doctor reports an injury on the victim's behalf (p.8 Professional third party reports)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "not_yet_asked"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And that crime names rule "ncrs.professional-or-carer-report"

  Scenario: A parent reports an assault on their child (p.8 Parents and carers)
    Given "C" is a boy aged 12
    And an incident reported at "2026-06-01T10:00:00Z" by a parent or carer
    And act "a1" is a use of force by "S" against "C"
    And act "a1" has injury "none"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "C"
    And that crime names rule "ncrs.professional-or-carer-report"

  Scenario: Credible CCTV immediately available shows the assault did not happen (p.7 Step 3)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And credible evidence immediately available contradicts act "a1"
    When the incident is decided
    Then the outcome is "no crime"
    And act "a1" is not recorded because of "ncrs.credible-evidence-to-the-contrary" as a no crime
    And every act is accounted for

  Scenario: Doubts that are not credible evidence do not displace the victim's account (p.7)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And unreliable evidence immediately available contradicts act "a1"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"

  # ---------------------------------------------------------------- video evidence (p.8)
  Scenario: Council CCTV footage of an assault is not a third party report: the victim must confirm (p.8 Video evidence)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And the report came by video evidence
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then the outcome is "more information required"
    And act "a1" is undecided
    And the decision asks for "persons[V].attributes.confirmation"
    And rule "ncrs.professional-or-carer-report" was overridden by "ncrs.video.confirm-with-victim"
    And every act is accounted for

  Scenario: Doorbell footage sent in by a neighbour, victim not found after enquiries (p.8 Video evidence)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And the report came by video evidence
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And "V" has confirmation "not_traced"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "ncrs.video.victim-not-traced" as a crime related incident

  Scenario: Officers review CCTV; the traced victim will not confirm (p.8 Video evidence)
    Given an incident reported at "2026-06-01T10:00:00Z" by the police
    And the report came by video evidence
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "declined"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "ncrs.video.victim-declines" as a crime related incident

  Scenario: Footage of a serious assault on an unidentified victim is recorded as necessary (p.8 Video evidence)
    Given an incident reported at "2026-06-01T10:00:00Z" by the police
    And the report came by video evidence
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "serious"
    And "V" has confirmation "not_traced"
    And the incident has recording necessary "yes"
    When the incident is decided
    Then a crime of 8N "008/01" is recorded for "V"
    And rule "ncrs.video.victim-not-traced" was overridden by "ncrs.video.necessary-or-appropriate"
    And the decision notes "ncrs.video.necessary-or-appropriate" for act "a1"

  # ---------------------------------------------------------------- offences against the state (pp.7-8)
  Scenario: An offence against the state whose points to prove are not made out is not recorded (p.8 unwitting possession)
    Given an incident reported at "2026-06-01T10:00:00Z" by the police
    And act "a1" is a use of force by "S"
    And act "a1" has injury "none"
    And act "a1" has points to prove made out "no"
    When the incident is decided
    Then the outcome is "no crime"
    And act "a1" is not recorded because of "ncrs.state.points-to-prove-not-made-out" as a no crime
    And every act is accounted for

  Scenario: An offence against the state with its points to prove made out is recorded at once (p.8)
    Given an incident reported at "2026-06-01T10:00:00Z" by the police
    And act "a1" is a use of force by "S"
    And act "a1" has injury "none"
    And act "a1" has points to prove made out "yes"
    When the incident is decided
    Then 1 crime is recorded
    And the decision notes "ncrs.state.points-to-prove-made-out" for act "a1"

  # ---------------------------------------------------------------- counter allegations (pp.8-9)
  Scenario: The suspect says the victim hit him too, with nothing to support it (pp.8-9 Counter allegations)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a2" is a use of force by "V" against "S"
    And act "a2" has injury "none"
    And act "a2" has counter allegation "yes"
    And act "a2" has supporting evidence "no"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 8N "008/06" is recorded for "V"
    And act "a2" is not recorded because of "ncrs.counter-allegation.unsupported" as a no crime
    And every act is accounted for

  Scenario: A counter allegation supported by an independent witness is recorded too (pp.8-9)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a2" is a use of force by "V" against "S"
    And act "a2" has injury "minor"
    And act "a2" has counter allegation "yes"
    And act "a2" has supporting evidence "yes"
    When the incident is decided
    Then 2 crimes are recorded
    And a crime of 8N "008/06" is recorded for "S"
    And the decision notes "ncrs.counter-allegation.supported" for act "a2"
    And every act is accounted for

  Scenario: A counter allegation waits for officers to look for supporting evidence (pp.8-9)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a2" is a use of force by "V" against "S"
    And act "a2" has injury "none"
    And act "a2" has counter allegation "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And act "a2" is undecided
    And the decision asks for "acts[a2].attributes.supporting_evidence"
    And every act is accounted for

  # ---------------------------------------------------------------- drunkenness or impairment (p.9)
  Scenario: A drunk victim with no supporting evidence is followed up when fit (p.9 Drunkenness or impairment)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has supporting evidence "no"
    And "V" has impaired when reporting "yes"
    When the incident is decided
    Then the outcome is "more information required"
    And act "a1" is undecided
    And the decision asks for "persons[V].attributes.confirmation"

  Scenario: A drunk victim's assault shown by injuries and a witness is recorded regardless (p.9)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And act "a1" has supporting evidence "yes"
    And "V" has impaired when reporting "yes"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "ncrs.impaired.supporting-evidence" for act "a1"

  Scenario: Followed up when sober, the victim does not confirm and nothing supports the account (p.9)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has supporting evidence "no"
    And "V" has impaired when reporting "yes"
    And "V" has confirmation "declined"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "ncrs.impaired.not-confirmed-when-fit" as a crime related incident

  Scenario: Followed up when sober, the victim confirms: the presumption of belief stands (p.9)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And act "a1" has supporting evidence "no"
    And "V" has impaired when reporting "yes"
    And "V" has confirmation "confirmed"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"

  # ---------------------------------------------------------------- public order (p.9)
  Scenario: A fight over when police arrive, no victim or evidence found, stays an incident (p.9 Public order offences)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" is a use of force by "S"
    And act "a1" has injury "none"
    And the incident has public disorder "over no victim or evidence"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "ncrs.public-order.no-victim-no-disorder" as a crime related incident
    And every act is accounted for

  Scenario: Police witness the disorder and record the offences apparent (p.9 Public order offences)
    Given an incident reported at "2026-06-01T10:00:00Z" by the police
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And "V" has confirmation "confirmed"
    And the incident has public disorder "continuing"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "ncrs.public-order.witnessed-or-continuing" for act "a1"

  # ---------------------------------------------------------------- offender under 10, mental capacity (p.9)
  Scenario: An assault by a nine-year-old is still recorded (p.9 Offender aged less than 10 years)
    Given "K" is a boy aged 9
    And an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "K" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "ncrs.offender-under-10" for act "a1"

  Scenario: An assault by someone lacking mental capacity is still recorded (p.9 Mental capacity)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And "S" has lacks mental capacity "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And the decision notes "ncrs.offender-lacks-capacity" for act "a1"

  # ---------------------------------------------------------------- p.6 situations: another force, prison
  Scenario: Another force is already dealing with and recording the incident (p.6; p.9 Crime Related Incidents 2)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    And the incident has recorded by another force "yes"
    When the incident is decided
    Then the outcome is "crime related incident"
    And act "a1" is not recorded because of "ncrs.another-force-recording" as a crime related incident

  Scenario: An assault in prison goes to the prison liaison team for the decision (p.6; p.95)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And it happened in a prison
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then rule "ncrs.prison.liaison" fired
    And act "a1" is marked for supervisor review by "ncrs.prison.liaison"
    And a crime of 8N "008/06" is recorded for "V"

  # ---------------------------------------------------------------- referrals and MARAC (p.10)
  Scenario: A care provider refers an assault on a resident and deals with it internally: still recorded (p.10 Referrals)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And the report came by referral
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "none"
    And the incident has referral resolved by referrer "yes"
    When the incident is decided
    Then a crime of 105A "105/01" is recorded for "V"
    And the decision notes "ncrs.referral.resolved-by-referrer" for act "a1"

  Scenario: An assault first disclosed by a professional at MARAC is recorded (p.10 MARAC)
    Given an incident reported at "2026-06-01T10:00:00Z" by a professional
    And the report came by marac
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
    And the decision notes "ncrs.marac.third-party-criteria" for act "a1"
    And that crime names rule "ncrs.professional-or-carer-report"

  Scenario: An assault mentioned at MARAC by someone not acting for the victim needs confirmation (p.10 MARAC)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And the report came by marac
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then act "a1" is undecided
    And the decision asks for "persons[V].attributes.confirmation"

  Scenario: A reporter whose role is not known: who reported it, or the victim's confirmation, is asked first (pp.7-8)
    Given an incident reported at "2026-06-01T10:00:00Z" by an unknown reporter
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then act "a1" is undecided
    And the decision asks for "incident.reporter_role"
    And the decision asks for "persons[V].attributes.confirmation"
    And rule "ncrs.reporter-unknown.ask-who-reported" fired

  Scenario: A reporter whose role is not known, and the traced victim does not confirm: a crime related incident (p.9)
    Given an incident reported at "2026-06-01T10:00:00Z" by an unknown reporter
    And "V" has confirmation "declined"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is not recorded because of "ncrs.third-party.victim-declines" as a crime related incident

  Scenario: A reporter whose role is not known, and the victim confirms: recorded (p.7)
    Given an incident reported at "2026-06-01T10:00:00Z" by an unknown reporter
    And "V" has confirmation "confirmed"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "minor"
    When the incident is decided
    Then a crime of 8N "008/06" is recorded for "V"
