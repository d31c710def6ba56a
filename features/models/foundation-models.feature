@design @MAESTRO-L1
Feature: Foundation models in the system model
  The foundation models the agents reason with are components like any other: poisoned, extracted or exhausted, they
  take every agent with them. They belong in the system model, with the flows that reach them, so that the threat
  model and the other controls review them too.

  Background:
    Given the target's system model

  @MAP-4.1 @GOVERN-1.6 @severity:medium
  Scenario: The agents' foundation models are in the system model
    Then the foundation models the agents use are in the system model
