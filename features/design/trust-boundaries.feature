@design @MAESTRO-L4 @MAESTRO-L6
Feature: Controls at every trust boundary in the system model
  A request that crosses a trust boundary needs three controls: an identity control (who is calling), a policy control
  evaluated at request time (may it do this now), and a telemetry control (a central record of what it did).

  Background:
    Given the target's system model

  @ASI07 @NHI4 @severity:high
  Scenario: Boundary-crossing flows are authenticated
    Then every flow that crosses a trust boundary is authenticated

  @ASI03 @MAESTRO-XL:Lateral-Movement @severity:high
  Scenario: Boundary-crossing flows are authorised at request time
    Then every flow that crosses a trust boundary is authorized by policy at request time

  @ASI10 @T8 @MEASURE-2.8 @MEASURE-2.4 @severity:medium
  Scenario: Boundary-crossing flows are recorded in the central audit trail
    Then every flow that crosses a trust boundary is logged to the central audit trail

  @ASI03 @MAESTRO-XL:Privilege-Escalation @severity:high
  Scenario: Policy is re-evaluated after sensitive actions
    Then every agent flow to a sensitive tool re-evaluates policy after sensitive actions
