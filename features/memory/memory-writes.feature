@code @MAESTRO-L2
Feature: What agent code writes to memory
  Tool arguments are chosen by the model, so they carry whatever a prompt injection put into the conversation. A tool
  that stores them straight into long-term memory or a vector store turns one injected message into context every
  later conversation trusts. The Roslyn analysis of the agents' code is the evidence.

  Background:
    Given the target's agent code

  @ASI06 @LLM04 @T1 @MAESTRO-L2:Data-Poisoning @severity:high
  Scenario: Tools do not write model-chosen text to agent memory
    Then there is no finding of rule "AC0022"
