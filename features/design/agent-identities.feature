@design @MAESTRO-L7
Feature: Agent identities in the system model
  Agents act continuously and chain tools across systems, so each needs a workload identity of its own that expires
  quickly. A shared or human-reused identity makes revocation hit the wrong party and leaves audit trails that cannot
  tell who acted.

  Background:
    Given the target's system model

  @ASI03 @NHI9 @control:ACME-IAM-01 @severity:high
  Scenario: Every agent has a distinct workload identity
    Then every agent has a workload identity of its own

  @NHI9 @ASI08 @severity:high
  Scenario: No identity is shared between agents
    Then no identity is shared between agents

  @NHI10 @ASI09 @severity:high
  Scenario: No identity is shared between people and agents
    Then no identity is shared between a human and an agent

  @NHI7 @ASI03 @control:ACME-IAM-02 @severity:medium
  Scenario: Agent credentials are short-lived
    Then no agent credential lives longer than 900 seconds
