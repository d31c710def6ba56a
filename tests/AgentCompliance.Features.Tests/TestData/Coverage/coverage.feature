Feature: Coverage check fixture

  @ASI03 @MAESTRO-L4:Lateral-Movement @severity:high
  Scenario: Covered
    Given nothing

  @ASI06 @NHI8 @MAESTRO-L2 @severity:high @ignore
  Scenario: Ignored scenarios cover nothing
    Given nothing

  @ASI11 @severity:low
  Scenario: Unknown control
    Given nothing

  @ASI01 @severity:low @severity:high
  Scenario: Two severities
    Given nothing

  @ASI01
  Scenario: No severity
    Given nothing

  @smoke @severity:low
  Scenario: No control
    Given nothing
