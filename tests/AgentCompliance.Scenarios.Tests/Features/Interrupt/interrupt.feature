Feature: Interrupted run

  Scenario: Runs before the interruption
    Given a step that passes

  Scenario: Running when the user interrupts
    Given a step that runs until the test releases it
    Then the total is 0

  Scenario: Never started
    Given a step that passes
