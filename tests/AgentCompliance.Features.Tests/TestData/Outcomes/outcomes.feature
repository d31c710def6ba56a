@outcomes
Feature: Every outcome

  Scenario: Passing
    Given a step that passes

  @ASI02
  Scenario: Failing
    Given a step that passes
    When a step fails with "token was not revoked"
    Then the total is 0

  Scenario: Undefined
    Given a step that passes
    When the numbr 5 is added

  Scenario: Pending
    Given a step that is still pending

  Scenario: Ambiguous
    Given an ambiguous step

  @ignore
  Scenario: Ignored
    When a step fails with "an ignored scenario must never run"
