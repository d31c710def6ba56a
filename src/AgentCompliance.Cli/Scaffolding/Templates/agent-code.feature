# Written by `agentcompliance init`. A code review: runs offline, analysing the agents' C# source (the profile's
# analysis.paths, here agents/) with Roslyn. It PASSES on the scaffold: agents/ResearchAgent.cs reads its secret
# from the environment and its tool runs no command. To see it fail, add a line such as
#   private const string ApiKey = "sk-live-0123456789abcdef0123456789abcdef";
# to that file and run again: the gate fails (exit 1) and the report names the finding and its line.
@code
Feature: Weaknesses in the agents' code
  Credentials written into agent code leak with every copy of the repository, and a tool that hands
  model-chosen text to a process or to dynamic code lets a prompt run commands.

  Background:
    Given the target's agent code

  @NHI2 @ASI05 @severity:critical
  Scenario: Agent code holds no credentials and runs no model-chosen code
    Then there is no finding of rule "AC0001"
    And there is no finding of rule "AC0002"
    And no finding maps to control "ASI05"
