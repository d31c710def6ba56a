@live @gateway @MAESTRO-L4
Feature: The agent gateway enforces identity and policy on every tool call
  The gateway is where an agent's request meets the tools, so it is where policy must be enforced: no call without a
  valid token from the agent's issuer, and no call to a tool outside the agent's allow-list. Each agent calls with its
  own token, so a refusal is the policy speaking, not a missing credential.

  @NHI4 @ASI03 @MAESTRO-L7:Agent-Impersonation @severity:critical
  Scenario: Tool calls without a valid token are refused
    Then the gateway refuses tool calls without a token
    And the gateway refuses tool calls with a forged token

  @ASI02 @ASI03 @MAESTRO-XL:Lateral-Movement @severity:critical
  Scenario: Each agent reaches exactly its own tools through the gateway
    Then the gateway lets every agent call exactly its allowed tools
