@live @audit @MAESTRO-L5
Feature: Audit trail of agent tool calls
  Agents act without a person watching each step, so the audit trail is how anyone finds out what they did. Every tool
  call and every denial is recorded promptly with who, what, when, the decision and why; a call outside an agent's
  tool set stands out as a denial with a reason; the data access and downstream calls a tool call causes share its
  correlation id; and the trail never becomes a place where credentials leak.

  @ASI10 @T8 @MEASURE-2.4 @severity:high
  Scenario: Every tool call through the gateway is recorded promptly
    When each agent calls one of its allowed tools through the gateway
    Then the audit trail records each of those calls within 10 seconds

  @ASI10 @MAESTRO-XL:Lateral-Movement @MAESTRO-L5:Evasion-of-Detection @severity:high
  Scenario: Calls outside an agent's tool set are denied and logged distinctly
    When each agent calls a tool outside its allowed tools through the gateway
    Then the gateway refused each of those calls
    And the audit trail records each of those denials with a reason within 10 seconds

  @T8 @MEASURE-2.8 @severity:medium
  Scenario: Audit events carry the fields an investigator needs
    When each agent calls one of its allowed tools through the gateway
    Then the audit trail records each of those calls within 10 seconds
    And every audit event matches the audit event schema

  @NHI2 @MAESTRO-L5:Data-Leakage-through-Observability @severity:critical
  Scenario: No secret or token appears in the audit trail
    When each agent calls one of its allowed tools through the gateway
    Then the audit trail records each of those calls within 10 seconds
    And no audit event contains a secret or token

  @T8 @ASI08 @MEASURE-2.8 @severity:medium
  Scenario: Data access and downstream calls carry the correlation id of their tool call
    When each agent calls one of its allowed tools through the gateway
    Then the audit trail records each of those calls within 10 seconds
    And the data access and downstream calls of each of those calls carry its correlation id
