@live @transport @MAESTRO-L4
Feature: Transport security of the deployment's endpoints
  Agents send client secrets, tokens and tool arguments to the identity provider, gateway, policy decision point,
  MCP servers and audit log. Over plain http, an outdated TLS version, or to an endpoint whose certificate the client
  cannot verify, anyone on the path can read, replay or alter them, or impersonate the endpoint.

  @NHI4 @ASI07 @severity:high
  Scenario: Every endpoint is reached over https
    Then every endpoint in the profile uses https

  @NHI4 @ASI07 @severity:high
  Scenario: Endpoints negotiate TLS 1.2 or newer
    Then every endpoint in the profile negotiates TLS 1.2 or newer

  @ASI07 @severity:low
  Scenario: Endpoints negotiate TLS 1.3
    Then every endpoint in the profile negotiates TLS 1.3 or newer

  @NHI4 @ASI07 @severity:critical
  Scenario: Endpoint certificates are valid, for the right host, and from a trusted CA
    Then every endpoint in the profile presents a valid certificate for its host from a trusted CA
