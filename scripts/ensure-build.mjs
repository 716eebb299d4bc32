// @ts-check
/**
 * Runs before `npm start`: builds `dist/` when it is missing or older than a
 * source file and the compiler is installed (a clone). A production install
 * has no compiler and ships a built `dist/`: then nothing is done.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/src/main.js');
const stamp = join(root, 'dist/.built');
// A clone has the sources and the compiler; a production install has neither sources nor (by intent) a compiler —
// though npm may install `typescript` there as an optional peer of a dependency (cosmiconfig), so check both.
const hasCompiler = existsSync(join(root, 'node_modules/typescript/bin/tsc')) && existsSync(join(root, 'src'));

/** Newest modification time under `dir` (TypeScript sources and migrations). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'tests', 'dist', 'types'].includes(e.name) || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : /\.(ts|sql|json)$/.test(e.name) ? statSync(p).mtimeMs : 0);
  }
  return t;
}

if (!existsSync(entry) || !existsSync(stamp)) {
  if (!hasCompiler) {
    console.error('dist/ is missing and TypeScript is not installed: run `npm run build` where the dev dependencies are installed');
    process.exit(1);
  }
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
} else if (hasCompiler) {
  const built = statSync(stamp).mtimeMs;
  const sources = Math.max(newest(join(root, 'src')), newest(join(root, 'plugins')), newest(join(root, 'drizzle')), newest(join(root, 'packages')));
  if (sources > built) execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
}
