@mcp @MAESTRO-L4
Feature: Who can reach the MCP tool servers
  An MCP server hands its tools to whoever connects. It must demand a valid token and say where to get one
  (RFC 9728), and it must not be reachable from web pages: a page on another site can drive a local or internal
  server through a visitor's browser when the server accepts foreign Origin or Host headers (DNS rebinding) or
  allows any origin by CORS. A session must end when the agent's task ends, and must not be usable by anyone else.

  Background:
    Given the target's MCP servers

  @ASI03 @NHI4 @T16 @severity:critical
  Scenario: MCP servers require a valid access token
    Then every MCP server requires authentication

  @ASI03 @NHI4 @severity:high
  Scenario: MCP servers tell clients which authorization server issues their tokens
    Then every MCP server publishes protected-resource metadata naming its authorization server

  @ASI02 @T16 @MAESTRO-L4:Lateral-Movement @severity:high
  Scenario: MCP servers refuse DNS-rebinding requests
    Then every MCP server refuses requests with a foreign Origin or Host

  @ASI02 @T16 @severity:high
  Scenario: MCP servers do not let any web page read their responses
    Then no MCP server lets any web origin read its responses

  @ASI03 @T16 @severity:medium
  Scenario: MCP sessions end when the client ends them
    Then every MCP server ends sessions when the client ends them
