Feature: Broken

  Scenario: A free line between steps
    Given the number 2
    this line is not Gherkin
