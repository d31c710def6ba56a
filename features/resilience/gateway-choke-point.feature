@design @MAESTRO-L4
Feature: One place to contain a failing or risky component
  When a tool, a data store or a third party turns out to be compromised or misbehaving, the response is to block it
  for every agent at once. That works only if every agent reaches tools, data and third parties through the agent
  gateway; a direct connection keeps working while the gateway blocks everything else, and a fault spreads past it.

  Background:
    Given the target's system model

  @MANAGE-2.3 @ASI08 @MEASURE-2.7 @severity:medium
  Scenario: Agents reach tools, data and third parties only through the agent gateway
    Then every agent reaches tools, data and external services only through the agent gateway
