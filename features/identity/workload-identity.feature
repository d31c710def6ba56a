@live @identity @MAESTRO-L7
Feature: Workload identity and just-in-time agent credentials
  Agents act continuously and chain tools, so each needs a workload identity of its own and credentials that expire
  before a leak is useful, bound to the one service they are for and to the scopes the agent needs. These scenarios
  obtain real tokens from the issuer as every agent in the profile and judge what the issuer actually hands out.

  @ASI03 @NHI4 @MAESTRO-L6 @severity:high
  Scenario: The issuer's metadata names the configured issuer
    Then the issuer's metadata names the configured issuer
    And the issuer publishes only public signing keys

  @NHI4 @ASI03 @severity:high
  Scenario: Token endpoints are served over TLS
    Then the issuer's token endpoints are served over https

  @NHI9 @ASI03 @T9 @severity:high
  Scenario: Every agent has an identity of its own
    Then every agent in the profile receives tokens with a distinct subject

  @NHI10 @ASI09 @severity:high
  Scenario: No agent acts under a person's identity
    Then no agent receives tokens with a person's subject

  @NHI7 @ASI03 @severity:high
  Scenario: Agent tokens are short-lived
    Given every agent in the profile obtains an access token
    Then the access tokens live at most 900 seconds

  @NHI5 @ASI03 @T3 @severity:high
  Scenario: Agent tokens grant only the agent's allowed scopes
    Given every agent in the profile obtains an access token
    Then the access tokens grant only the agent's allowed scopes

  @ASI03 @NHI5 @severity:medium
  Scenario: Agent tokens are bound to the agent's resource
    Given every agent in the profile obtains an access token
    Then the access tokens are bound to the agent's resource

  # For issuers of JWT access tokens; exclude it with --tags "not @jwt" when the issuer hands out opaque tokens.
  @jwt @NHI4 @ASI03 @T9 @severity:critical
  Scenario: Agent tokens are signed JWT access tokens the issuer's keys verify
    Given every agent in the profile obtains an access token
    Then the access tokens are signed with a key the issuer publishes
    And the access tokens have the type "at+jwt"
