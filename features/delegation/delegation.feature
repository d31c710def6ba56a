@live @delegation @MAESTRO-L7
Feature: Delegation from a person to an agent
  When a person approves and an agent executes, the agent must act with a token of its own that names both: the
  person as subject and the agent as actor (RFC 8693 token exchange), with only the rights the task needs, and no way
  to widen them. Withdrawing the person's token must stop the agent too. The person's token comes from the profile
  (humans[].subjectToken); the last scenario revokes it, so give a token issued for the test run.

  Background:
    Given a person delegates a task to every agent in the profile

  @ASI03 @ASI09 @NHI10 @T9 @severity:high
  Scenario: Delegated tokens name the agent as actor
    Then the delegated tokens name the agent as actor

  @ASI03 @NHI5 @severity:high
  Scenario: Delegated tokens are narrower than the person's token
    Then the delegated tokens are narrower than the person's token

  @ASI03 @T3 @NHI5 @severity:critical
  Scenario: Agents cannot widen a delegated token's scope
    Then the agents cannot widen the delegated scope

  @ASI03 @ASI10 @severity:high
  Scenario: Delegated tokens stop working when the person's token is revoked
    Then the delegated tokens stop working within 5 seconds of revoking the person's token
