@arguments
Feature: Step arguments

  @smoke
  Scenario: A DataTable reaches the binding
    Given these agents:
      | agent   | scope |
      | planner | read  |
      | mailer  | send  |
    Then agent "mailer" has scope "send"

  Scenario: A DocString reaches the binding
    Given this policy:
      """
      deny unless scope == "read"
      """
    Then the policy mentions 'scope == "read"'

  @ignore
  Scenario: An ignored scenario is reported as ignored
    When a step fails with "an ignored scenario must never run"
