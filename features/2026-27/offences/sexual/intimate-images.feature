@edition-2026-27
Feature: Intimate image offences - 88C and 88E 088/14
  CRR 2026/27 pp.67-70. Sharing an intimate image without consent is 175/08, or 088/15 when done
  to cause alarm, distress or humiliation or for sexual gratification; threatening to share is
  088/15; creating or requesting a fake intimate image of an adult is 175/09 or 175/10; sending an
  image of genitals with intent or for sexual gratification is 88E 088/14.

  Background:
    Given an incident reported at "2026-06-01T10:00:00Z" by the victim
    And "V" is a woman aged 27
    And "S" is a man aged 29
    And "S" is the ex-partner of "V"
    And act "a1" is an intimate image by "S" against "V"

  Scenario: An ex-partner posts a nude photo of the victim to humiliate her: 088/15, flagged domestic abuse (p.67)
    Given act "a1" has conduct "shared"
    And act "a1" has shows intimate state "yes"
    And act "a1" has purpose "alarm distress humiliation"
    When the incident is decided
    Then a crime of 88C "088/15" is recorded for "V"
    And that crime is flagged "domestic abuse"
    And rule "image.share-without-consent" was overridden by "image.share-with-intent"

  Scenario: A threat to share is 088/15 even when no such image exists (p.67)
    Given act "a1" has conduct "threatened to share"
    When the incident is decided
    Then a crime of 88C "088/15" is recorded for "V"

  Scenario: A photo ordinarily seen in public is not an intimate image (p.68 Exemption)
    Given act "a1" has conduct "shared"
    And act "a1" has shows intimate state "no"
    When the incident is decided
    Then no crimes are recorded

  Scenario: An image of genitals sent without either purpose points to other offences (p.70)
    Given act "a1" has conduct "sent genital image"
    And act "a1" has purpose "none shown"
    When the incident is decided
    Then no crimes are recorded
    And rule "image.send-genitals.consider-other-offences" fired
    And act "a1" is marked for supervisor review by "image.send-genitals.consider-other-offences"

  Scenario Outline: What was done with the image decides the code (pp.67-70)
    Given act "a1" has conduct "<conduct>"
    And act "a1" has shows intimate state "yes"
    And act "a1" has purpose "<purpose>"
    When the incident is decided
    Then 1 crime is recorded
    And a crime of <class> "<code>" is recorded for "V"
    And rule "<rule>" fired

    Examples:
      | conduct             | purpose               | class | code   | rule                         |
      | shared              | none shown            | 88C   | 175/08 | image.share-without-consent  |
      | shared              | sexual gratification  | 88C   | 088/15 | image.share-with-intent      |
      | threatened to share | none shown            | 88C   | 088/15 | image.threat-to-share        |
      | created purported   | none shown            | 88C   | 175/09 | image.create-purported-adult |
      | requested purported | none shown            | 88C   | 175/10 | image.request-purported-adult|
      | sent genital image  | sexual gratification  | 88E   | 088/14 | image.send-genitals          |
