/**
 * `npm run plugin:new <code> [--out <dir>]` — writes a working, tested product-line
 * plugin skeleton from `scripts/plugin-template/` and generates its first
 * migration with drizzle-kit. It never edits `plugins/index.ts`: installing a
 * plugin stays a deliberate, reviewed one-line change (printed at the end).
 *
 * `--out` writes somewhere else inside the repository (the partner-kit test
 * scaffolds into a throw-away folder); the default is `plugins/<code>/`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE_DIR = join(ROOT, 'scripts', 'plugin-template');
const PLUGINS_DIR = join(ROOT, 'plugins');

/** The host's own rule for plugin codes (src/plugins/validate.ts). */
const CODE_RE = /^[a-z][a-z0-9_]{1,30}$/;
/** Codes the host already uses as a source or namespace. */
const RESERVED = new Set(['core', 'test', 'index', 'sdk']);

/** The names a template's placeholders stand for. */
export interface ScaffoldNames {
  /** `pension` */
  code: string;
  /** `PENSION` — the ProductLine value. */
  line: string;
  /** `PensionProduct` — the GraphQL object type. */
  type: string;
}

/** `pension_plus` → { code, line: PENSION_PLUS, type: PensionPlusProduct }. */
export function namesFor(code: string): ScaffoldNames {
  const pascal = code
    .split('_')
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return { code, line: code.toUpperCase(), type: `${pascal}Product` };
}

class ScaffoldError extends Error {}

/** Why `code` cannot be used, or null. */
export function codeProblem(code: string | undefined): string | null {
  if (!code) return 'give the plugin code: npm run plugin:new <code>   (e.g. pension)';
  if (!CODE_RE.test(code)) {
    return `"${code}" is not a valid plugin code: 2–31 characters, lower-case letters, digits or _, starting with a letter (e.g. pension, travel_insurance)`;
  }
  if (code.includes('__') || code.endsWith('_')) return `"${code}" is not a valid plugin code: no double or trailing underscores`;
  if (RESERVED.has(code)) return `"${code}" is reserved by the host; choose another code`;
  return null;
}

/** GraphQL type names already claimed by a plugin in this repository (scanned, not imported: importing boots decorators). */
function typeNameTaken(type: string): string | null {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (name === 'node_modules' || name === 'drizzle' || name.startsWith('.')) return [];
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
    });
  const pattern = new RegExp(`@ObjectType\\(\\s*['"]${type}['"]`);
  const owner = walk(PLUGINS_DIR).find((f) => pattern.test(readFileSync(f, 'utf8')));
  return owner ? relative(ROOT, owner) : null;
}

/** Template files, relative to the template folder. */
function templateFiles(dir = TEMPLATE_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? templateFiles(p) : [relative(TEMPLATE_DIR, p)];
  });
}

const posix = (p: string) => p.split(sep).join('/');

/**
 * Writes the plugin `code` into `outDir` and generates its `init` migration.
 * @returns the folder written
 */
export function scaffold(code: string, outDir = join(PLUGINS_DIR, code)): string {
  const problem = codeProblem(code);
  if (problem) throw new ScaffoldError(problem);
  const out = resolve(outDir);
  const fromRoot = relative(ROOT, out);
  if (fromRoot.startsWith('..') || fromRoot === '') {
    throw new ScaffoldError(`--out ${outDir} must be a folder inside the repository (${ROOT}) so the plugin can import the SDK`);
  }
  if (existsSync(out)) throw new ScaffoldError(`${posix(fromRoot)} already exists; choose another code or remove it first`);
  const names = namesFor(code);
  const taken = typeNameTaken(names.type);
  if (taken) throw new ScaffoldError(`GraphQL type ${names.type} is already defined in ${taken}; choose another code`);

  const hostVersion: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
  const values: Record<string, string> = {
    __CODE__: names.code,
    __LINE__: names.line,
    __TYPE__: names.type,
    // Relative path from the plugin folder to the repository root, for SDK imports.
    __ROOT__: posix(relative(out, ROOT)),
    // The plugin folder from the repository root, for drizzle-kit (which runs from the root).
    __DIR__: posix(fromRoot),
    __HOST_RANGE__: `^${hostVersion}`,
  };
  const fill = (s: string) => s.replace(/__(CODE|LINE|TYPE|ROOT|DIR|HOST_RANGE)__/g, (m) => values[m]!);

  try {
    for (const file of templateFiles()) {
      const target = join(out, file.replace(/\.tmpl$/, ''));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, fill(readFileSync(join(TEMPLATE_DIR, file), 'utf8')));
    }
    execFileSync('npx', ['drizzle-kit', 'generate', '--config', `${values.__DIR__}/drizzle.config.ts`, '--name', 'init'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (!readdirSync(join(out, 'drizzle')).some((f) => f.endsWith('.sql'))) throw new ScaffoldError('drizzle-kit produced no migration');
  } catch (e) {
    // A half-written plugin would be mistaken for a finished one: leave nothing behind.
    rmSync(out, { recursive: true, force: true });
    const err = e as Error & { stderr?: Buffer; stdout?: Buffer };
    const detail = [err.stdout?.toString(), err.stderr?.toString()].filter(Boolean).join('\n');
    throw new ScaffoldError(`could not write the plugin: ${err.message}${detail ? `\n${detail}` : ''}`);
  }
  return out;
}

function main(argv: string[]): number {
  const args = [...argv];
  let outDir: string | undefined;
  const outAt = args.indexOf('--out');
  if (outAt >= 0) {
    outDir = args[outAt + 1];
    if (!outDir) {
      console.error('plugin:new: --out needs a folder');
      return 1;
    }
    args.splice(outAt, 2);
  }
  const [code, ...extra] = args;
  if (extra.length) {
    console.error(`plugin:new: unexpected arguments: ${extra.join(' ')}`);
    return 1;
  }
  try {
    const out = scaffold(code ?? '', outDir ?? (code ? join(PLUGINS_DIR, code) : undefined));
    const dir = posix(relative(ROOT, out));
    const names = namesFor(code!);
    const importPath = `./${posix(relative(PLUGINS_DIR, out))}/index.js`;
    console.log(`Created ${dir}/ (line ${names.line}, GraphQL type ${names.type}) with its init migration.

Next:
  1. npx vitest run ${dir}/            # the skeleton's tests pass as generated
  2. Install it: in plugins/index.ts add
       import ${names.code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())} from '${importPath}';
     and put it in the installedPlugins array.
  3. Read plugins/README.md, then replace the example field, rule and setting with your line's own.`);
    return 0;
  } catch (e) {
    if (e instanceof ScaffoldError) {
      console.error(`plugin:new: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
