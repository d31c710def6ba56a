@core @ASI03 @severity:high
Feature: Engine basics
  Everything a step library relies on, run on the real runtime.

  Background:
    Given the number 2

  Scenario: Cucumber expressions, regex and async steps
    When I add 3
    And an async step waits 10 ms
    Then the total is 5

  Scenario: Context injection shares state between binding classes
    Given I remember "planner-agent"
    Then the other binding class sees "planner-agent"
    And the scenario is called "Context injection shares state between binding classes"

  @NHI7 @severity:critical
  Scenario: DataTable and DocString arguments arrive intact
    Given these agents:
      | agent   | scope |
      | planner | read  |
      | mailer  | send  |
    And this policy:
      """
      deny unless scope == "read"
      """
    Then agent "mailer" has scope "send"
    And the policy mentions 'scope == "read"'

  Scenario Outline: Outline <agent> adds <more>
    When I add <more>
    Then the total is <total>
    And the example value "agent" is "<agent>"

    @fast
    Examples: quick ones
      | agent   | more | total |
      | planner | 1    | 3     |
      | mailer  | 2    | 4     |

    @slow
    Examples: slow ones
      | agent  | more | total |
      | ranker | 40   | 42    |

  Rule: Tokens are short-lived
    Background:
      Given I remember "rule-background"

    @rule-scenario
    Scenario: Rule scenarios see the rule and both backgrounds
      Then the rule is "Tokens are short-lived"
      And the other binding class sees "rule-background"
      And the total is 2
      And the scenario has the tag "rule-scenario"
      And the BeforeTestRun hook has run
