# Written by `agentcompliance init`. A design review: runs offline over system-model.yaml (the profile's
# systemModel) and PASSES on the scaffold, since its one agent has a workload identity of its own with
# five-minute credentials, and its flows across the trust boundary are authenticated.
#
# Tags: a severity (@severity:critical|high|medium|low|info) decides whether a failure fails the gate; control IDs
# (@ASI03, @NHI7, ... see `agentcompliance controls`) say which controls the scenario gives evidence for.
# Steps come from the built-in library: `agentcompliance steps` lists every one.
@design
Feature: Agent identities and trust boundaries in the system model
  Agents act continuously and chain tools, so each needs a workload identity of its own with short-lived
  credentials, and every call across a trust boundary must say who is calling.

  Background:
    Given the target's system model

  @ASI03 @NHI7 @NHI9 @severity:high
  Scenario: Every agent has a short-lived workload identity of its own
    Then every agent has a workload identity of its own
    And no agent credential lives longer than 900 seconds
    And every flow that crosses a trust boundary is authenticated
