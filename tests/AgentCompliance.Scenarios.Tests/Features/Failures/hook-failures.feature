Feature: Failing hooks

  @failing-before-hook
  Scenario: A BeforeScenario hook throws
    Given a step that passes

  @failing-after-hook
  Scenario: An AfterScenario hook throws
    Given a step that passes

  @failing-after-step
  Scenario: An AfterStep hook throws
    Given a step that passes
    Then the total is 0

  Scenario: Scenarios after failing hooks still run
    Given a step that passes
