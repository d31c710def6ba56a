Feature: Parallel beta

  Scenario: beta remembers its own note
    Given I remember "beta-1"
    When an async step waits 30 ms
    Then the other binding class sees "beta-1"

  Scenario: beta keeps its own total
    Given the number 7
    When an async step waits 20 ms
    And I add 1
    Then the total is 8

  Scenario: beta fails on purpose
    When a step fails with "beta broke"
