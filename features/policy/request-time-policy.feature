@live @policy @MAESTRO-L6
Feature: Authorization decided at request time by the policy decision point
  Agents act continuously and chain tools, so what an agent may do is decided when it asks, by a central policy: an
  unknown agent, tool or action gets nothing, each agent gets exactly the tools it was given, and a sensitive action
  withdraws access until the policy grants it again. The decision point is asked directly, as the gateway asks it.

  @ASI03 @NHI5 @T3 @MEASURE-2.6 @severity:critical
  Scenario: The policy decision point denies by default
    Then the policy decision point denies unknown agents, tools and actions

  @ASI02 @NHI5 @MAESTRO-L7:Agent-Tool-Misuse @severity:high
  Scenario: Each agent is allowed exactly its own tools
    Then the policy decision point allows every agent exactly its allowed tools

  @ASI03 @MAESTRO-XL:Privilege-Escalation @severity:high
  Scenario: Access is re-evaluated after a sensitive action
    Then the policy decision point denies every agent its allowed tools after a sensitive action
