// Writes a benchmark suite of trivial scenarios: node generate-suite.mjs <outDir> <scenarios> <stepsPerScenario>
// The same .feature files are run by agentcompliance (C# bindings in BenchBindings) and by cucumber-js (steps.cjs).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [outDir, scenarioArg, stepArg] = process.argv.slice(2);
const scenarios = Number(scenarioArg);
const steps = Number(stepArg);
if (!outDir || !(scenarios > 0) || !(steps >= 1 && steps <= 5)) {
  console.error('usage: node generate-suite.mjs <outDir> <scenarios> <stepsPerScenario 1..5>');
  process.exit(2);
}

const perFeature = 20;
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const stepLines = (start) => [
  `    Given a counter at ${start}`,
  '    When the counter is increased by 2',
  '    And the counter is increased by 1',
  `    Then the counter equals ${start + 3}`,
  '    And the counter is positive',
];
// Single-step scenarios keep only the Given, so (T5 - T1) / (4 x scenarios) isolates per-step cost.
for (let feature = 0; feature * perFeature < scenarios; feature++) {
  const lines = [`Feature: Benchmark feature ${feature}`, ''];
  for (let i = 0; i < perFeature && feature * perFeature + i < scenarios; i++) {
    lines.push(`  Scenario: scenario ${feature}-${i}`, ...stepLines(i + 1).slice(0, steps), '');
  }
  writeFileSync(join(outDir, `feature-${String(feature).padStart(4, '0')}.feature`), lines.join('\n'));
}
