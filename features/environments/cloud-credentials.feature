@code @MAESTRO-L4
Feature: How the deployment signs in to its cloud
  A client secret, storage account key or access key in the deployment's configuration works from any machine until
  someone rotates it. Workload identity federation (managed identity, federated OIDC tokens, IAM roles) issues
  short-lived tokens bound to the workload instead. The Roslyn analysis of the agents' code is the evidence.

  Background:
    Given the target's agent code

  @NHI6 @NHI7 @severity:high
  Scenario: The deployment signs in to the cloud with a federated workload identity
    Then there is no finding of rule "AC0023"
