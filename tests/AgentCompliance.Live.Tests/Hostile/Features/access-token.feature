@live @NHI4 @severity:high
Feature: An agent obtains an access token
  Used by the hostile-endpoint tests: the token step against token endpoints that are slow or echo credentials.

  Scenario: The planner obtains an access token
    Then agent "planner" obtains an access token with client credentials
