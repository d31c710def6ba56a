@design @MAESTRO-L6
Feature: The system model as the inventory of the agent system
  The system model is the inventory assessors review: every agent appears with the tools it may call and the identity
  it acts as, and no identity outlives the agent or person that used it.

  Background:
    Given the target's system model

  @GOVERN-1.6 @severity:medium
  Scenario: Every agent is inventoried with its tools and its identity
    Then every agent is inventoried with its tools and its identity

  @NHI1 @MANAGE-4.1 @severity:medium
  Scenario: No identity is left behind after offboarding
    Then no identity in the model is left without a user
