@live @revocation @MAESTRO-L7
Feature: Revocation speed of agent credentials
  When an agent misbehaves or its task ends, its credentials must stop working at once, not when they expire. Each
  agent's token is revoked at the issuer (RFC 7009), then the issuer's introspection endpoint and the service the
  token is for (the agent's resource) must reject it within seconds. Stateless tokens the issuer cannot revoke fail.

  @ASI10 @ASI03 @NHI1 @NHI7 @MANAGE-2.4 @severity:high
  Scenario: A revoked agent token is rejected within seconds
    Given every agent in the profile obtains an access token
    When the access tokens are revoked
    Then the tokens are rejected within 5 seconds
