Feature: Steps that take too long

  Scenario: A blocking step
    Given a step that blocks for 20 seconds
    Then the total is 0

  Scenario: An awaiting step
    Given a step that waits 20 seconds
    Then the total is 0

  Scenario: A quick scenario
    Given the number 1
    Then the total is 1
