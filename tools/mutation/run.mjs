// @ts-check
/**
 * Mutation testing of the suitability rules:
 * `npm run test:mutation [-- <target>… | --changed <git-ref>] [--only <glob>] [--incremental]`.
 *
 * A target is the core rules (`core`) or one plugin (`funds`, `gold`… — any
 * folder `plugins/<code>/rules/` or plugin package `packages/plugin-<code>/src/rules/`, so a partner's plugin is a target as soon as
 * it is installed). Each target mutates only its rule files and runs only its
 * pure rule tests (`tests/suitability/core-rules.test.ts`,
 * `plugins/<code>/tests/rules*.test.ts`). User-facing message text is left out
 * (see ignore-message-text.mjs).
 *
 * Printed per target: mutants, killed, survived, the score over all mutants
 * and over logic mutants (all but StringLiteral and ObjectLiteral), and the
 * survivors that touch a BLOCK or REQUIRE (an outcome or a step). The run
 * fails when a logic score is under its bar — 95 % for core, 90 % for a plugin
 * (a plugin may raise its own in `plugins/<code>/mutation.json`) — or when any
 * BLOCK/REQUIRE survivor is left.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Stryker } from '@stryker-mutator/core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const reportsDir = join(root, 'reports/mutation');

/** Mutators whose mutants are not rule logic (message wording, option bags). */
const NON_LOGIC = new Set(['StringLiteral', 'ObjectLiteral']);

/**
 * @typedef {{ name: string; folder: string; mutate: string[]; tests: string[]; bar: number }} Target
 */

/** @returns {Target[]} every target: core, then each plugin with a rules folder. */
function allTargets() {
  /** @type {Target[]} */
  const targets = [
    {
      name: 'core',
      folder: 'src/suitability/rules/core',
      mutate: ['src/suitability/rules/core/**/*.ts'],
      tests: ['tests/suitability/core-rules.test.ts'],
      bar: 95,
    },
  ];
  // The lines in this repository (plugins/<code>/) and the plugin packages (packages/plugin-<code>/src/).
  const lines = [
    ...readdirSync(join(root, 'plugins')).map((code) => ({ code, dir: `plugins/${code}`, src: `plugins/${code}` })),
    ...readdirSync(join(root, 'packages'))
      .filter((p) => p.startsWith('plugin-'))
      .map((p) => ({ code: p.slice('plugin-'.length), dir: `packages/${p}`, src: `packages/${p}/src` })),
  ].sort((a, b) => a.code.localeCompare(b.code));
  for (const { code, dir, src } of lines) {
    if (!existsSync(join(root, src, 'rules'))) continue;
    const settings = existsSync(join(root, dir, 'mutation.json')) ? JSON.parse(readFileSync(join(root, dir, 'mutation.json'), 'utf8')) : {};
    targets.push({
      name: code,
      folder: `${src}/rules`,
      mutate: [`${src}/rules/**/*.ts`],
      tests: [`${dir}/tests/rules*.test.ts`],
      bar: Math.max(90, Number(settings.logicScoreAtLeast ?? 90)),
    });
  }
  return targets;
}

/** Targets whose rule files (or rule tests) changed since `ref`. */
function changedTargets(targets, ref) {
  const files = execFileSync('git', ['diff', '--name-only', `${ref}...HEAD`], { cwd: root, encoding: 'utf8' })
    .split('\n')
    .concat(execFileSync('git', ['diff', '--name-only'], { cwd: root, encoding: 'utf8' }).split('\n'))
    .filter(Boolean);
  const engine = files.some((f) => f.startsWith('src/suitability/engine.ts') || f.startsWith('src/suitability/types.ts'));
  return targets.filter((t) => engine || files.some((f) => f.startsWith(t.folder) || t.tests.some((g) => f.startsWith(g.split('*')[0]))));
}

function parseArgs(argv) {
  const names = [];
  let changed = null;
  let only = null;
  let incremental = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--changed') changed = argv[++i];
    else if (argv[i] === '--only') only = argv[++i];
    else if (argv[i] === '--incremental') incremental = true;
    else names.push(argv[i]);
  }
  return { names, changed, only, incremental };
}

/** The source text a mutant replaced. */
function originalText(file, location) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const { start, end } = location;
  if (start.line === end.line) return lines[start.line - 1].slice(start.column - 1, end.column - 1);
  return [lines[start.line - 1].slice(start.column - 1), ...lines.slice(start.line, end.line - 1), lines[end.line - 1].slice(0, end.column - 1)].join('\n');
}

/** A survivor that removes or weakens a BLOCK or a REQUIRE: it changed an outcome or a step. */
const touchesStrictOutcome = (text) => /\b(BLOCK|REQUIRE)\b|\bstep\s*:/.test(text);

/**
 * @param {Target} target
 * @param {{ only: string | null; incremental: boolean }} opts `only`: a glob narrowing the files mutated
 *   (while writing tests); `incremental`: re-test only mutants whose code or covering tests changed since
 *   the committed baseline of this target (tools/mutation/baseline/<target>.json, rewritten by the run).
 *   A change outside the rule files and their tests (the engine, test helpers) is not seen: run without
 *   --incremental after one.
 */
async function runTarget(target, opts) {
  process.env.RULE_TESTS = target.tests.join(',');
  const jsonFile = join(reportsDir, `${target.name}.json`);
  const stryker = new Stryker({
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner', join(here, 'ignore-message-text.mjs')],
    vitest: { configFile: 'tools/mutation/vitest.rules.config.ts', related: false },
    mutate: opts.only ? [opts.only] : target.mutate,
    // Always incremental, so that every run leaves a baseline (Stryker writes one only in that mode); without
    // --incremental, `force` tests every mutant. A run narrowed by --only must not overwrite the target's
    // baseline with a partial one: it keeps its own.
    incremental: true,
    force: !opts.incremental,
    incrementalFile: relative(root, join(here, 'baseline', opts.only ? `${target.name}.only.json` : `${target.name}.json`)),
    ignorers: ['message-text'],
    coverageAnalysis: 'perTest',
    concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
    reporters: ['json', 'progress'],
    jsonReporter: { fileName: relative(root, jsonFile) },
    tempDirName: '.stryker-tmp',
    ignorePatterns: ['.data', '.tools', 'reports', 'tests/bench/.tmp', '.ci-results.json', 'plugins/.scaffold-test-*', 'dist'],
    timeoutMS: 10_000,
    logLevel: 'warn',
    fileLogLevel: 'off',
    cleanTempDir: 'always',
  });
  const results = await stryker.runMutationTest();
  const counted = results.filter((r) => ['Killed', 'Survived', 'Timeout', 'NoCoverage'].includes(r.status));
  const detected = (rs) => rs.filter((r) => r.status === 'Killed' || r.status === 'Timeout').length;
  const logic = counted.filter((r) => !NON_LOGIC.has(r.mutatorName));
  const survivors = counted
    .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
    .map((r) => ({
      file: r.fileName ? relative(root, r.fileName) : '',
      line: r.location.start.line,
      mutator: r.mutatorName,
      status: r.status,
      original: originalText(relative(root, r.fileName), r.location),
      replacement: r.replacement ?? '',
    }));
  const strict = survivors.filter((s) => touchesStrictOutcome(s.original));
  const pct = (n, d) => (d === 0 ? 100 : Math.floor((n / d) * 1000) / 10);
  return {
    target: target.name,
    mutants: counted.length,
    killed: detected(counted),
    survived: counted.length - detected(counted),
    scoreAll: pct(detected(counted), counted.length),
    logicMutants: logic.length,
    scoreLogic: pct(detected(logic), logic.length),
    bar: target.bar,
    strictSurvivors: strict,
    survivors,
  };
}

async function main() {
  const { names, changed, only, incremental } = parseArgs(process.argv.slice(2));
  const targets = allTargets();
  let chosen = names.length ? targets.filter((t) => names.includes(t.name)) : targets;
  const unknown = names.filter((n) => !targets.some((t) => t.name === n));
  if (unknown.length) throw new Error(`unknown mutation target(s): ${unknown.join(', ')}; known: ${targets.map((t) => t.name).join(', ')}`);
  if (changed) chosen = changedTargets(chosen, changed);
  if (chosen.length === 0) {
    console.log('mutation: no rule folder changed; nothing to mutate');
    return;
  }
  mkdirSync(reportsDir, { recursive: true });
  const summaries = [];
  for (const t of chosen) {
    const started = Date.now();
    const s = await runTarget(t, { only, incremental });
    summaries.push({ ...s, seconds: Math.round((Date.now() - started) / 1000) });
  }
  const rows = summaries.map((s) => {
    const pass = s.scoreLogic >= s.bar && s.strictSurvivors.length === 0;
    return `| ${s.target} | ${s.mutants} | ${s.killed} | ${s.survived} | ${s.scoreAll.toFixed(1)} % | ${s.scoreLogic.toFixed(1)} % | ≥ ${s.bar} % | ${s.strictSurvivors.length} | ${s.seconds} s | ${pass ? 'PASS' : 'FAIL'} |`;
  });
  const table = [
    '| rules | mutants | killed | survived | score (all) | score (logic) | bar (logic) | BLOCK/REQUIRE survivors | time | result |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows,
  ].join('\n');
  console.log(`\n${table}\n`);
  for (const s of summaries) {
    for (const v of s.survivors)
      console.log(
        `${s.strictSurvivors.includes(v) ? 'BLOCK/REQUIRE survivor' : 'survivor'}: ${v.file}:${v.line} ${v.mutator} ${JSON.stringify(v.original)} → ${JSON.stringify(v.replacement)}`,
      );
  }
  writeFileSync(join(reportsDir, 'summary.md'), `${table}\n`);
  writeFileSync(join(reportsDir, 'summary.json'), JSON.stringify(summaries, null, 2));
  if (summaries.some((s) => s.scoreLogic < s.bar || s.strictSurvivors.length > 0)) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
