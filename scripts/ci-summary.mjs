#!/usr/bin/env node
// The last lines .ci/run prints: each step's exit code and the names of the tests that failed, read from vitest's
// JSON reports. CI keeps only the tail of a run's output, so a failure must be readable there, not 2,000 lines up.
// Usage: node scripts/ci-summary.mjs "step=code" ... -- report.json ...
import { existsSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const steps = split < 0 ? args : args.slice(0, split);
const reports = split < 0 ? [] : args.slice(split + 1);

console.log('\n== CI summary ==');
for (const step of steps) {
  const [name, code] = step.split('=');
  console.log(`${code === '0' ? 'PASS' : 'FAIL'}  ${name}${code === '0' ? '' : ` (exit ${code})`}`);
}
/** The first line of a message, cut to a length a log line can hold. */
const firstLine = (m) =>
  String(m ?? '')
    .split('\n')[0]
    .slice(0, 300);

for (const file of reports) {
  if (!existsSync(file)) {
    console.log(`${file}: no report (the run stopped before writing it)`);
    continue;
  }
  const r = JSON.parse(readFileSync(file, 'utf8'));
  console.log(`${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests ?? 0} skipped`);
  for (const suite of r.testResults ?? []) {
    const failed = (suite.assertionResults ?? []).filter((a) => a.status === 'failed');
    // A file that fails before any test runs (import error, hook failure) has a message but no failed assertion.
    if (suite.status === 'failed' && failed.length === 0) console.log(`  FAIL ${suite.name}: ${firstLine(suite.message)}`);
    for (const a of failed) console.log(`  FAIL ${suite.name} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
  }
}
