@nunit
Feature: Arithmetic on the hosted runtime
  Small scenarios over the test bindings; each scenario and each outline example is one NUnit test.

  Background:
    Given the number 2

  @smoke @ASI03
  Scenario: Adding to the background number
    When I add 3
    And an async step waits 1 ms
    Then the total is 5

  Scenario: Context injection shares state between binding classes
    Given I remember "planner-agent"
    Then the other binding class sees "planner-agent"
    And the scenario is called "Context injection shares state between binding classes"

  Scenario Outline: Adding <more>
    When I add <more>
    Then the total is <total>
    And the example value "more" is "<more>"

    @smoke
    Examples: small
      | more | total |
      | 1    | 3     |
      | 2    | 4     |

    @slow
    Examples: large
      | more | total |
      | 40   | 42    |

  @severity:high
  Rule: Rules pass their name and tags down

    @NHI7
    Scenario: A rule scenario sees its rule
      Then the rule is "Rules pass their name and tags down"
      And the scenario has the tag "NHI7"
      And the BeforeTestRun hook has run
