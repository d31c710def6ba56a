@failing-before-feature
Feature: A BeforeFeature hook throws

  Scenario: First scenario of a broken feature
    Given a step that passes

  Scenario: Second scenario of a broken feature
    Given a step that passes
