@hooks
Feature: Hook order

  @tagged-hook
  Scenario: Hooks run around scenarios and steps
    Given a step that passes
    Then the BeforeTestRun hook has run
