@live @spiffe @MAESTRO-L4 @MAESTRO-L7
Feature: SPIFFE JWT-SVIDs of the agents
  A JWT-SVID is a bearer token: whoever holds it is the agent until it expires. It must be signed by the trust
  domain, name the agent that holds it, be bound to the one audience it is meant for, and expire within minutes, so a
  leaked or replayed token is useless elsewhere and soon.

  @NHI7 @NHI4 @ASI03 @severity:high
  Scenario: JWT-SVIDs are signed by the trust domain, agent-bound, audience-bound and short-lived
    Then every agent's JWT-SVID is signed by the trust domain, names the agent and is bound to its audience for at most 300 seconds
