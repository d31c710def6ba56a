@design @MAESTRO-L7
Feature: Tool blast radius in the system model
  Tools are where an agent's decisions become actions. High-impact tools need a person's approval, agents stay inside
  their declared tool set, and every integration can be cut off on its own.

  Background:
    Given the target's system model

  @ASI09 @ASI02 @LLM06 @severity:high
  Scenario: High-impact tools require human approval
    Then every financial, destructive or privileged tool requires human approval

  @ASI02 @NHI5 @severity:medium
  Scenario: Agents call only their declared tools
    Then every agent calls only the tools it declares

  @NHI3 @ASI04 @MAP-4.1 @MANAGE-2.4 @severity:medium
  Scenario: External integrations can be isolated
    Then every external integration can be isolated
