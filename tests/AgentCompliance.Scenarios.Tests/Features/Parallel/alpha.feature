Feature: Parallel alpha

  Scenario: alpha remembers its own note
    Given I remember "alpha-1"
    When an async step waits 30 ms
    Then the other binding class sees "alpha-1"

  Scenario: alpha keeps its own total
    Given the number 7
    When an async step waits 20 ms
    And I add 1
    Then the total is 8

  Scenario: alpha fails on purpose
    When a step fails with "alpha broke"
