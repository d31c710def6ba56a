@live @spiffe @MAESTRO-L4 @MAESTRO-L7
Feature: SPIFFE X.509-SVIDs of the agents
  Agents act continuously and call tools and each other across trust boundaries, so each needs a cryptographic
  identity of its own that a peer verifies without a shared secret: a SPIFFE ID in the deployment's trust domain,
  carried by a short-lived X.509-SVID that chains to the trust domain's bundle. A shared, foreign, long-lived or
  unverifiable identity lets one compromise impersonate many agents, makes revocation hit the wrong workload, and
  leaves audit trails that cannot tell who acted.

  @ASI03 @NHI9 @severity:high
  Scenario: Every agent has a SPIFFE ID of its own
    Then every agent has a SPIFFE ID of its own

  @ASI03 @NHI4 @severity:high
  Scenario: Each X.509-SVID carries exactly the agent's SPIFFE ID
    Then every agent's X.509-SVID carries exactly one SPIFFE ID, the agent's own

  @ASI03 @ASI07 @severity:high
  Scenario: SPIFFE IDs belong to the deployment's trust domain
    Then every agent's SPIFFE ID belongs to the profile's trust domain

  @NHI7 @ASI03 @severity:high
  Scenario: X.509-SVIDs are short-lived
    Then every agent's X.509-SVID is valid for at most 3600 seconds

  @NHI4 @ASI07 @severity:critical
  Scenario: X.509-SVIDs chain to the trust bundle and have not expired
    Then every agent's X.509-SVID chains to the trust bundle and has not expired

  @NHI4 @ASI03 @severity:high
  Scenario: X.509-SVIDs are signing leaves, not certificate authorities
    Then every agent's X.509-SVID is a leaf certificate for digital signatures
