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
/**
 * What a failure says, short enough for CI's tail: the message's lines before its stack (an assertion's
 * expected/received diff among them), at most eight, each cut to 300 characters, and the test's own frame.
 */
const gist = (m) => {
  const all = String(m ?? '').split('\n');
  const stackAt = all.findIndex((l) => /^\s+at /.test(l));
  const message = (stackAt < 0 ? all : all.slice(0, stackAt)).filter((l) => l.trim() !== '').slice(0, 8);
  const frame = all.find((l) => /^\s+at .*\/tests\//.test(l));
  return [...message, ...(frame ? [frame.trim()] : [])].map((l) => l.slice(0, 300)).join('\n      ');
};

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
    if (suite.status === 'failed' && failed.length === 0) console.log(`  FAIL ${suite.name}: ${gist(suite.message)}`);
    for (const a of failed) console.log(`  FAIL ${suite.name} › ${a.fullName}: ${gist(a.failureMessages?.[0])}`);
  }
}
