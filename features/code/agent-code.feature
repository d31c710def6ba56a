@code @MAESTRO-L7
Feature: Weaknesses in the agents' code
  The Roslyn analysis of the agents' C# source is the evidence: credentials written into the code, tools that hand
  model-chosen arguments to a shell, SQL, file paths or URLs, untrusted text in system prompts, sensitive tools the
  model may call on its own, and tool servers anyone can reach. A justified suppression or waiver is shown, not counted.

  Background:
    Given the target's agent code

  @NHI2 @severity:critical
  Scenario: No credentials are hard-coded in agent code
    Then there is no finding of rule "AC0001"
    And there is no finding of rule "AC0002"

  @ASI05 @severity:critical
  Scenario: Tools do not execute processes or dynamic code
    Then no finding maps to control "ASI05"

  @ASI02 @severity:high
  Scenario: Tool arguments do not reach file paths or URLs unchecked
    Then there is no finding of rule "AC0010"
    And there is no finding of rule "AC0011"

  @ASI02 @LLM05 @severity:critical
  Scenario: Tool arguments do not reach SQL
    Then there is no finding of rule "AC0012"

  @ASI01 @LLM01 @severity:high
  Scenario: Untrusted text stays out of system prompts
    Then no finding maps to control "ASI01"

  @ASI09 @severity:high
  Scenario: Sensitive tools are not invoked automatically without approval
    Then no finding maps to control "ASI09"

  @ASI03 @NHI4 @severity:high
  Scenario: MCP servers require authentication and authorization
    Then there is no finding of rule "AC0020"

  @NHI7 @NHI4 @ASI03 @severity:high
  Scenario: Agent tokens are short-lived and validated
    Then there is no finding of rule "AC0004"
    And there is no finding of rule "AC0005"
    And there is no finding of rule "AC0021"

  @ASI07 @severity:high
  Scenario: Agent traffic uses validated TLS
    Then there is no finding of rule "AC0006"
    And there is no finding of rule "AC0016"

  @NHI2 @LLM02 @severity:medium
  Scenario: Secrets are not written to logs
    Then there is no finding of rule "AC0003"

  @ASI10 @severity:low
  Scenario: Every tool writes an audit record
    Then there is no finding of rule "AC0018"

  @ASI04 @MAP-4.2 @MAESTRO-L3:Supply-Chain-Attacks @severity:medium
  Scenario: Remote plugins are pinned
    Then there is no finding of rule "AC0019"

  @ASI08 @LLM10 @MEASURE-2.6 @severity:medium
  Scenario: Agent loops are bounded
    Then there is no finding of rule "AC0017"
