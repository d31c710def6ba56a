@mcp @pin-record
Feature: Record the reviewed MCP tool inventories as pins
  Run this only after reviewing each server's tools (names, descriptions, schemas, annotations): it writes every
  server's toolPinFile, and the bundled scenario "MCP tool inventories match their reviewed pins" then compares each
  run against it. Commit the pin files; re-run this after an approved change.
    agentcompliance run --profile agentcompliance.yaml --features samples/features/record-mcp-tool-pins.feature

  Scenario: Pin the current tool inventory of every MCP server
    Given the target's MCP servers
    When the tool inventory of every MCP server is pinned
