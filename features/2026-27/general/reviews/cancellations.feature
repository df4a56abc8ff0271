@edition-2026-27
Feature: Transferring, cancelling and reclassifying a recorded crime
  CRR 2026/27 pp.13, 25-26. A recorded crime stays recorded unless it is transferred to the force
  that owns it (C1) or cancelled: additional verifiable information shows no crime (C2), a
  duplicate (C3), recorded in error (C4), or self-defence for certain assaults (C5). Only the Force
  Crime Registrar or a Designated Decision Maker, independent of the investigation, decides; only
  the registrar for a C2 on rape or homicide; and the victim is told first for C1, C2 and C5.

  Scenario: A self-defence cancellation of an ABH, properly decided, is allowed (p.26 C5)
    Given a recorded crime "CR-1" of 8N "008/06"
    And a request to cancel it under C5
    And the request has decided by "ddm"
    And the request has independent of investigation "yes"
    And the request has self defence evidence "yes"
    And the request has assault is s47 "yes"
    And the request has victim informed "yes"
    When the request is reviewed
    Then the request is allowed
    And it is permitted by "review.c5.permit-s47"

  Scenario: Self-defence cannot cancel a GBH (p.26 C5)
    Given a recorded crime "CR-2" of 8N "008/01"
    And a request to cancel it under C5
    And the request has decided by "fcr"
    And the request has assault is s47 "no"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.c5.not-s47"

  Scenario: Self-defence cannot cancel a crime outside the listed assault classes (p.26 C5)
    Given a recorded crime "CR-3" of 5D "005/01"
    And a request to cancel it under C5
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.c5.not-a-listed-assault"

  Scenario Outline: Common assault and assault on a constable may be cancelled as self-defence (p.26 C5)
    Given a recorded crime "CR-4" of <class> "<code>"
    And a request to cancel it under C5
    And the request has decided by "fcr"
    And the request has independent of investigation "yes"
    And the request has self defence evidence "<evidence>"
    And the request has victim informed "yes"
    When the request is reviewed
    Then the request is <verdict>
    And rule "<rule>" was applied to the request

    Examples:
      | class | code   | evidence | verdict     | rule                  |
      | 105A  | 105/01 | yes      | allowed     | review.c5.permit      |
      | 104   | 008/73 | yes      | allowed     | review.c5.permit      |
      | 105A  | 105/01 | no       | not allowed | review.c5.no-evidence |

  Scenario: The victim must be told before a cancellation (p.26)
    Given a recorded crime "CR-5" of 105A "105/01"
    And a request to cancel it under C5
    And the request has decided by "ddm"
    And the request has independent of investigation "yes"
    And the request has self defence evidence "yes"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.victim-not-yet-told"
    And the review asks for "facts.victim_informed"

  Scenario: Only the Force Crime Registrar may cancel a rape on additional verifiable information (p.25)
    Given a recorded crime "CR-6" of 19D "019/07"
    And a request to cancel it under C2
    And the request has decided by "ddm"
    And the request has independent of investigation "yes"
    And the request has compelling avi "yes"
    And the request has victim informed "yes"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.rape-or-homicide.fcr-only"

  Scenario: The Force Crime Registrar may cancel a rape on compelling additional verifiable information (p.25 C2)
    Given a recorded crime "CR-7" of 19D "019/07"
    And a request to cancel it under C2
    And the request has decided by "fcr"
    And the request has independent of investigation "yes"
    And the request has compelling avi "yes"
    And the request has victim informed "yes"
    When the request is reviewed
    Then the request is allowed
    And it is permitted by "review.c2.permit"

  Scenario: Without a registered registrar the chief officer decides a homicide C2, noted (p.25)
    Given a recorded crime "CR-8" of 1 "001/01"
    And a request to cancel it under C2
    And the request has decided by "chief officer"
    And the request has independent of investigation "yes"
    And the request has compelling avi "yes"
    And the request has victim informed "yes"
    When the request is reviewed
    Then the request is allowed
    And rule "review.chief-officer-for-rape-or-homicide" was applied to the request

  Scenario: Without compelling additional information a crime stays recorded (p.25 C2)
    Given a recorded crime "CR-9" of 8N "008/06"
    And a request to cancel it under C2
    And the request has compelling avi "no"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.c2.no-avi"

  Scenario: An investigating officer may not cancel a crime (p.25)
    Given a recorded crime "CR-10" of 8N "008/06"
    And a request to cancel it under C4
    And the request has decided by "other"
    And the request has recorded in error "yes"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.decision-maker.not-authorised"

  Scenario: A decision maker involved in the investigation may not cancel it (p.25)
    Given a recorded crime "CR-11" of 8N "008/06"
    And a request to cancel it under C4
    And the request has decided by "ddm"
    And the request has independent of investigation "no"
    And the request has recorded in error "yes"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.decision-maker.not-independent"

  Scenario: A transfer waits for the receiving force's reference (p.25 C1)
    Given a recorded crime "CR-12" of 105A "105/01"
    And a request to transfer it under C1
    And the request has victim informed "yes"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.c1.needs-reference"
    And the review asks for "facts.receiving_force_reference"

  Scenario: With the receiving force's reference and the victim told, the crime is transferred (p.25 C1)
    Given a recorded crime "CR-13" of 105A "105/01"
    And a request to transfer it under C1
    And the request has receiving force reference "WMP/26/123456"
    And the request has victim informed "yes"
    When the request is reviewed
    Then the request is allowed
    And it is permitted by "review.c1.permit"

  Scenario: Only C1 is a transfer, and C1 is not a cancellation (p.25)
    Given a recorded crime "CR-14" of 105A "105/01"
    And a request to transfer it under C3
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.transfer-needs-c1"

  Scenario: C1 asked for as a cancellation is refused (p.25)
    Given a recorded crime "CR-15" of 105A "105/01"
    And a request to cancel it under C1
    When the request is reviewed
    Then it is refused because of "review.cancel-not-c1"

  Scenario: A duplicate is cancelled against the crime it duplicates (p.25 C3)
    Given a recorded crime "CR-16" of 49 "049/10"
    And a request to cancel it under C3
    And the request has decided by "fcr"
    And the request has independent of investigation "yes"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.c3.needs-original"
    And the review asks for "facts.duplicate_of"

  Scenario: A duplicate naming the original is cancelled (p.25 C3)
    Given a recorded crime "CR-17" of 49 "049/10"
    And a request to cancel it under C3
    And the request has decided by "fcr"
    And the request has independent of investigation "yes"
    And the request has duplicate of "CR-16"
    When the request is reviewed
    Then the request is allowed
    And it is permitted by "review.c3.permit"

  Scenario Outline: A crime recorded in error is cancelled under C4, and only then (p.25 C4)
    Given a recorded crime "CR-18" of 8N "008/06"
    And a request to cancel it under C4
    And the request has decided by "ddm"
    And the request has independent of investigation "yes"
    And the request has recorded in error "<error>"
    When the request is reviewed
    Then the request is <verdict>
    And rule "<rule>" was applied to the request

    Examples:
      | error | verdict     | rule                     |
      | yes   | allowed     | review.c4.permit         |
      | no    | not allowed | review.c4.not-in-error   |

  Scenario: New information makes an ABH a GBH: the registrar may reclassify it (p.13)
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 30
    And "S" is a man aged 25
    And "S" is the stranger of "V"
    And act "a1" is a use of force by "S" against "V"
    And act "a1" has injury "serious"
    And act "a1" has intent serious harm "no"
    And a recorded crime "CR-19" of 8N "008/06"
    And a request to reclassify it
    And the request has decided by "fcr"
    And the request brings the incident as now known
    When the request is reviewed
    Then the request is allowed
    And it is permitted by "review.reclassify.permit"
    And the new classification is 8N "008/01"

  Scenario: A reclassification by anyone other than the registrar or a decision maker is refused (p.13)
    Given a recorded crime "CR-20" of 8N "008/06"
    And a request to reclassify it
    And the request has decided by "other"
    When the request is reviewed
    Then the request is not allowed
    And it is refused because of "review.decision-maker.not-authorised"
