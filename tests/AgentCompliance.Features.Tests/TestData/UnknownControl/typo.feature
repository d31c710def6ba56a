Feature: Typo in a control tag

  @ASI11
  Scenario: Claims a control that does not exist
    Given the number 1
