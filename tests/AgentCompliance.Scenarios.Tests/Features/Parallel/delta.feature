Feature: Parallel delta

  Scenario: delta remembers its own note
    Given I remember "delta-1"
    When an async step waits 30 ms
    Then the other binding class sees "delta-1"

  Scenario: delta keeps its own total
    Given the number 7
    When an async step waits 20 ms
    And I add 1
    Then the total is 8

  Scenario: delta fails on purpose
    When a step fails with "delta broke"
