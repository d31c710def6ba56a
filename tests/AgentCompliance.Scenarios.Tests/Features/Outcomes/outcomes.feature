Feature: Every outcome

  Scenario: Passing
    Given a step that passes

  Scenario: Failing
    Given a step that passes
    When a step fails with "token was not revoked"
    Then the total is 0

  Scenario: Undefined
    Given a step that passes
    When the numbr 5 is added
    Then the total is 0

  Scenario: Pending
    Given a step that is still pending
    Then the total is 0

  Scenario: Ambiguous
    Given an ambiguous step
    Then the total is 0

  @ignore
  Scenario: Ignored
    Given a step that passes
