@design @MAESTRO-L7
Feature: People who can stop a high-impact action
  Requiring approval for refunds, deletions or privilege changes protects nothing unless a person in the system can
  actually give or refuse that approval, through a path the model shows.

  Background:
    Given the target's system model

  @ASI09 @MANAGE-4.1 @severity:high
  Scenario: Tools that need approval have a person who can give it
    Then every tool that requires human approval has a person who can approve it
