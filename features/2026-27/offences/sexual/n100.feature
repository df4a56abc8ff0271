@edition-2026-27
Feature: Reported incident of rape - N100
  CRR 2026/27 pp.63-64. A report of rape or attempted rape that is not recorded at once as a
  confirmed crime is recorded, when it is first made, as a reported incident of rape: 100/01 the
  victim has not confirmed it or cannot be traced; 100/02 credible evidence to the contrary; 100/03
  committed in another force area or outside the UK. It replaces, for rape, the crime related
  incident or no crime the general rules would leave.

  Background:
    Given "V" is a woman aged 25
    And "S" is a man aged 30
    And "S" is the stranger of "V"
    And act "a1" is a sexual contact by "S" against "V"
    And act "a1" has penetration "penis"
    And act "a1" has consent "not given"

  Scenario: A rape reported by a third party with the victim not yet confirming returns N100/01 (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "V" has confirmation "not yet asked"
    When the incident is decided
    Then the outcome is "notifiable incident"
    And no crimes are recorded
    And act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.not-confirmed.third-party"
    And rule "ncrs.third-party.confirm-with-victim" was overridden by "rape.n100.not-confirmed.third-party"
    And every act is accounted for

  Scenario Outline: A third party's rape report the victim does not confirm stays N100/01, not an incident (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "V" has confirmation "<confirmation>"
    When the incident is decided
    Then the outcome is "notifiable incident"
    And act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.not-confirmed.third-party"
    And rule "<general>" was overridden by "rape.n100.not-confirmed.third-party"

    Examples:
      | confirmation | general                           |
      | not traced   | ncrs.third-party.victim-not-traced |
      | declined     | ncrs.third-party.victim-declines   |

  Scenario: Once the victim confirms, the rape is recorded as the crime (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "V" has confirmation "confirmed"
    When the incident is decided
    Then a crime of 19C "019/08" is recorded for "V"

  Scenario: Police judge recording necessary without the victim: the rape is recorded (pp.7-8, 63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "V" has confirmation "not traced"
    And the incident has recording necessary "yes"
    When the incident is decided
    Then a crime of 19C "019/08" is recorded for "V"
    And rule "rape.n100.not-confirmed.third-party" was overridden by "ncrs.third-party.necessary-or-appropriate"

  Scenario: A rape seen only on footage, the victim not traced, is N100/01 (pp.8, 63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And the report came by video evidence
    And "V" has confirmation "not traced"
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.not-confirmed.footage"
    And rule "ncrs.video.victim-not-traced" was overridden by "rape.n100.not-confirmed.footage"

  Scenario: A victim impaired when reporting who does not confirm the rape when fit: N100/01 (pp.9, 63)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" has impaired when reporting "yes"
    And "V" has confirmation "declined"
    And act "a1" has supporting evidence "no"
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.not-confirmed.impaired"
    And rule "ncrs.impaired.not-confirmed-when-fit" was overridden by "rape.n100.not-confirmed.impaired"

  Scenario: Credible evidence to the contrary makes a reported rape N100/02 (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And credible evidence immediately available contradicts act "a1"
    When the incident is decided
    Then the outcome is "notifiable incident"
    And act "a1" is recorded as notifiable incident N100 "100/02" because of "rape.n100.credible-evidence-to-the-contrary"
    And rule "ncrs.credible-evidence-to-the-contrary" was overridden by "rape.n100.credible-evidence-to-the-contrary"

  Scenario: A rape in another force area is recorded here as N100/03 and transferred (p.64)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has where committed "another force area"
    And it happened in the "Kent" force area
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/03" because of "rape.n100.another-force-area"
    And act "a1" is transferred to "Kent" because of "location.another-force-area"
    And no crimes are recorded

  Scenario: A rape in another, not yet named, force area is N100/03 rather than an incident (p.64)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has where committed "another force area"
    When the incident is decided
    Then the outcome is "notifiable incident"
    And act "a1" is recorded as notifiable incident N100 "100/03" because of "rape.n100.another-force-area"
    And rule "location.another-force-area.unnamed" was overridden by "rape.n100.another-force-area"

  Scenario: A rape in Scotland is N100/03 and referred to Police Scotland (pp.15, 63)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has where committed "scotland"
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/03" because of "rape.n100.scotland-or-northern-ireland"
    And rule "location.scotland-or-northern-ireland" was overridden by "rape.n100.scotland-or-northern-ireland"

  Scenario: Police Scotland decline a rape whose victim was in Scotland: it stays N100/03 (pp.15, 63)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has where committed "scotland"
    And the incident has declined by scotland or ni "yes"
    And the incident has victim in england wales "no"
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/03" because of "rape.n100.scotland-or-northern-ireland.declined-victim-not-here"

  Scenario: A rape abroad, the victim abroad and no investigation here, is N100/03, not no crime (pp.15, 63)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has where committed "outside uk"
    And the incident has victim in england wales "no"
    And the incident has force investigating "no"
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/03" because of "rape.n100.outside-uk"
    And rule "location.outside-uk" was overridden by "rape.n100.outside-uk"

  Scenario: A rape abroad that this force investigates is recorded as the crime (p.15)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And the incident has where committed "outside uk"
    And the incident has force investigating "yes"
    When the incident is decided
    Then a crime of 19C "019/08" is recorded for "V"
    And rule "rape.n100.outside-uk" was overridden by "location.outside-uk.force-investigating"

  Scenario: A third party's report of sexual touching the victim has not confirmed is not N100 (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" has penetration "none"
    And "V" has confirmation "not traced"
    When the incident is decided
    Then act "a1" is not recorded because of "ncrs.third-party.victim-not-traced" as a crime related incident

  Scenario: Reported as a rape by a third party, facts not yet those of a rape: still a reported incident of rape (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And act "a1" has penetration "none"
    And act "a1" has reported as "rape"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.reported-as-rape.not-confirmed"
    And rule "ncrs.third-party.confirm-with-victim" was overridden by "rape.n100.reported-as-rape.not-confirmed"

  Scenario: Reported as a rape by a reporter not yet known, and the traced victim declines (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by an unknown reporter
    And "V" has confirmation "declined"
    And act "a1" has penetration "other"
    And act "a1" has reported as "rape"
    When the incident is decided
    Then act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.reported-as-rape.not-confirmed"

  Scenario: Reported as a rape; the victim confirms an assault without penetration: the facts are recorded, a sexual assault (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by a third party
    And "V" has confirmation "confirmed"
    And act "a1" has penetration "none"
    And act "a1" has reported as "rape"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of 20A "020/05" is recorded for "V"

  Scenario: Reported as a rape by the victim, whose account is that she agreed: a reported incident of rape, no crime (p.63)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And act "a1" has consent "willing"
    And act "a1" has reported as "rape"
    When the incident is decided
    Then no crimes are recorded
    And act "a1" is recorded as notifiable incident N100 "100/01" because of "rape.n100.reported-as-rape.no-offence-found"
