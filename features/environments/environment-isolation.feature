@design @MAESTRO-L4
Feature: Machine identities stay inside their environment
  Development, staging and production, and every customer tenant, are modelled as trust boundaries of kind tenant. A
  credential presented on both sides of such a boundary lets the weaker side reach the stronger one: a leaked staging
  key becomes a production key.

  Background:
    Given the target's system model

  @NHI8 @MAESTRO-XL:Lateral-Movement @severity:high
  Scenario: No identity is reused across environments or tenants
    Then no identity is used on both sides of a tenant boundary
