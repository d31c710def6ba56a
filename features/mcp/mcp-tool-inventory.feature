@mcp @MAESTRO-L7
Feature: What the MCP tool servers offer the agents
  Every tool a server lists, with its description and schema, is read by the model and can be called by the agent.
  The inventory must be exactly the reviewed allow-list, no definition may carry instructions for the model
  (hidden text, invisible characters, exfiltration URLs, references to other credentials), and a change to any tool
  after review must be noticed before the agents use it.

  Background:
    Given the target's MCP servers

  @ASI02 @LLM06 @MAESTRO-L7:Agent-Tool-Misuse @severity:high
  Scenario: MCP servers expose only the allow-listed tools
    Then every MCP server exposes only its expected tools

  @ASI02 @ASI04 @LLM01 @T2 @severity:critical
  Scenario: MCP tool definitions carry no hidden instructions
    Then no MCP tool definition carries hidden instructions or exfiltration patterns

  @ASI04 @T17 @MAESTRO-L3:Supply-Chain-Attacks @MANAGE-3.1 @MAP-4.2 @severity:high
  Scenario: MCP tool inventories match their reviewed pins
    Then the tool inventory of every MCP server matches its pin
