Feature: Policy and audit steps that name an agent, a tool or an attribute
  The bundled scenarios check every agent of the profile; these steps let a team check one agent, one tool or their
  own request attribute.

  Scenario: One agent is allowed exactly its tools
    Then the policy decision point allows agent "support-agent" exactly its allowed tools

  Scenario: A named principal attribute withdraws a tool
    Then the policy decision point denies agent "billing-agent" tool "issue_refund" after principal attribute "sensitiveActionPerformed" changes from false to true

  Scenario: A resource attribute the policy ignores does not withdraw the tool
    Then the policy decision point denies agent "billing-agent" tool "issue_refund" after resource attribute "approval" changes from "granted" to "expired"

  Scenario: A named call is audited with what it caused
    When agent "support-agent" calls tool "create_ticket" through the gateway
    Then the gateway let each of those calls through
    And the audit trail records each of those calls within 10 seconds
    And the data access and downstream calls of each of those calls carry its correlation id

  Scenario: A named call outside the allow-list is refused and audited as a denial
    When agent "billing-agent" calls tool "search_documents" through the gateway
    Then the gateway refused each of those calls
    And the audit trail records each of those denials with a reason within 10 seconds
