// @ts-check
/**
 * `npm run build`: compiles the host and its plugins with tsc into `dist/`
 * (the same layout as the source: dist/src, dist/plugins) and copies what the
 * compiled code reads at run time — the core's and each plugin's migrations and
 * package.json (the version) — so `node dist/src/main.js` runs with no
 * TypeScript tooling installed (a production install: `npm ci --omit=dev`).
 * Then the workspace packages: the SDK's declarations (packages/sdk/types,
 * emitted from src/sdk) and each plugin package into its own `dist/`, compiled
 * against those declarations as a partner's package would be.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
if (process.argv.includes('--clean')) rmSync(dist, { recursive: true, force: true });

execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });

cpSync(join(root, 'drizzle'), join(dist, 'drizzle'), { recursive: true });
cpSync(join(root, 'package.json'), join(dist, 'package.json'));
for (const code of readdirSync(join(root, 'plugins'))) {
  const migrations = join(root, 'plugins', code, 'drizzle');
  if (existsSync(migrations)) cpSync(migrations, join(dist, 'plugins', code, 'drizzle'), { recursive: true });
}
/** Runs the compiler on one project. */
const tsc = (project) => execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { stdio: 'inherit', cwd: root });
tsc(join(root, 'packages/sdk/tsconfig.types.json'));
for (const pkg of readdirSync(join(root, 'packages'))) {
  if (pkg !== 'sdk' && existsSync(join(root, 'packages', pkg, 'tsconfig.json'))) tsc(join(root, 'packages', pkg, 'tsconfig.json'));
}

// The stamp `npm start` compares with the sources (tsc leaves unchanged outputs untouched).
writeFileSync(join(dist, '.built'), new Date().toISOString());
console.log(`built ${dist}`);
