Feature: Parallel gamma

  Scenario: gamma remembers its own note
    Given I remember "gamma-1"
    When an async step waits 30 ms
    Then the other binding class sees "gamma-1"

  Scenario: gamma keeps its own total
    Given the number 7
    When an async step waits 20 ms
    And I add 1
    Then the total is 8

  Scenario: gamma fails on purpose
    When a step fails with "gamma broke"
