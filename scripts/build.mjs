// @ts-check
/**
 * `npm run build`: compiles the host and its plugins with tsc into `dist/`
 * (the same layout as the source: dist/src, dist/plugins) and copies what the
 * compiled code reads at run time — the core's and each plugin's migrations and
 * package.json (the version) — so `node dist/src/main.js` runs with no
 * TypeScript tooling installed (a production install: `npm ci --omit=dev`).
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
// The stamp `npm start` compares with the sources (tsc leaves unchanged outputs untouched).
writeFileSync(join(dist, '.built'), new Date().toISOString());
console.log(`built ${dist}`);
