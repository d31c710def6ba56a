Feature: Interrupted while awaiting

  Scenario: Awaiting when the user interrupts
    Given a step that waits 30 seconds
    Then the total is 0
