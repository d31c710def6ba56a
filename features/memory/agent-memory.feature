@design @MAESTRO-L2
Feature: Agent memory in the system model
  Vector stores, document databases and caches hold what agents remember and retrieve. Whatever is written there is
  read back later as trusted context, so a poisoned entry steers every conversation that retrieves it. Every read and
  write of agent memory is checked against policy when it happens, for the caller that makes it.

  Background:
    Given the target's system model

  @ASI06 @LLM08 @MAESTRO-L2:Compromised-RAG-Pipelines @severity:high
  Scenario: Agent memory is checked by policy on every read and write
    Then every flow to an agent memory store is authorized by policy at request time
