/**
 * `npm run plugin:new <code> [--package] [--out <dir>]` — writes a working, tested
 * product-line plugin skeleton from `scripts/plugin-template/` and generates its
 * first migration with drizzle-kit. It never edits `plugins/index.ts` or the
 * host's package list: installing a plugin stays a deliberate, reviewed change
 * (printed at the end).
 *
 * Without `--package`: a line kept in this repository, `plugins/<code>/`, importing
 * the SDK by relative path. With `--package`: a plugin package a partner ships,
 * `packages/plugin-<code>/` — `src/` with the same layout, `tests/`, `drizzle/`,
 * its package.json and tsconfig.json — importing only `@finmart/sdk` and
 * `@finmart/sdk/testing`, built against the SDK's declarations as gold is.
 *
 * `--out` writes somewhere else inside the repository (the partner-kit test
 * scaffolds into a throw-away folder).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATE_DIR = join(ROOT, 'scripts', 'plugin-template');
const PACKAGE_TEMPLATE_DIR = join(ROOT, 'scripts', 'plugin-package-template');
const PLUGINS_DIR = join(ROOT, 'plugins');
const PACKAGES_DIR = join(ROOT, 'packages');

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

/** GraphQL type names already claimed by a plugin in this repository or a plugin package (scanned, not imported: importing boots decorators). */
function typeNameTaken(type: string): string | null {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (name === 'node_modules' || name === 'drizzle' || name === 'dist' || name.startsWith('.')) return [];
      return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
    });
  const pattern = new RegExp(`@ObjectType\\(\\s*['"]${type}['"]`);
  const owner = [...walk(PLUGINS_DIR), ...walk(PACKAGES_DIR)].find((f) => pattern.test(readFileSync(f, 'utf8')));
  return owner ? relative(ROOT, owner) : null;
}

/** Template files under `base`, relative to it. */
function templateFiles(base: string, dir = base): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? templateFiles(base, p) : [relative(base, p)];
  });
}

const posix = (p: string) => p.split(sep).join('/');

/** What to write: a line in this repository (`plugins/<code>/`) or a plugin package (`packages/plugin-<code>/`). */
export type ScaffoldKind = 'in-repo' | 'package';

/** A package's folder and name part: `travel_insurance` → `plugin-travel-insurance` (npm names use hyphens). */
const packageBase = (code: string) => `plugin-${code.replace(/_/g, '-')}`;

/** The default folder of a plugin of this kind. */
export const defaultOutDir = (code: string, kind: ScaffoldKind) => (kind === 'package' ? join(PACKAGES_DIR, packageBase(code)) : join(PLUGINS_DIR, code));

/** Where a template file goes: in a package, the sources under `src/`; tests, README and drizzle config at its root. */
function placed(file: string, kind: ScaffoldKind): string {
  const name = file.replace(/\.tmpl$/, '');
  if (kind === 'in-repo' || name.startsWith('tests/') || name === 'README.md' || name === 'drizzle.config.ts') return name;
  return `src/${name}`;
}

/** A package's package.json: the SDK and the host's own versions of what the plugin shares with it. */
function packageJson(names: ScaffoldNames, dir: string): string {
  const host = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const sdk = JSON.parse(readFileSync(join(PACKAGES_DIR, 'sdk', 'package.json'), 'utf8'));
  const all = { ...host.dependencies, ...host.devDependencies } as Record<string, string>;
  return `${JSON.stringify(
    {
      name: `@finmart/${packageBase(names.code)}`,
      version: '0.1.0',
      description: `finmart product line ${names.line}: a plugin package the host loads by name`,
      type: 'module',
      license: 'UNLICENSED',
      engines: { node: '>=20.19.0' },
      exports: { '.': { types: './dist/index.d.ts', source: './src/index.ts', default: './dist/index.js' }, './package.json': './package.json' },
      files: ['dist', 'drizzle'],
      scripts: { build: 'tsc -p tsconfig.json', 'db:generate': `drizzle-kit generate --config ${dir}/drizzle.config.ts` },
      dependencies: { '@finmart/sdk': `^${sdk.version}`, zod: all.zod },
      peerDependencies: { 'drizzle-orm': all['drizzle-orm'], 'type-graphql': all['type-graphql'] },
      devDependencies: { 'drizzle-kit': all['drizzle-kit'] },
    },
    null,
    2,
  )}\n`;
}

/**
 * Writes the plugin `code` into `outDir` and generates its `init` migration.
 * @returns the folder written
 */
export function scaffold(code: string, outDir?: string, kind: ScaffoldKind = 'in-repo'): string {
  const problem = codeProblem(code);
  if (problem) throw new ScaffoldError(problem);
  const out = resolve(outDir ?? defaultOutDir(code, kind));
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
    // The repository root from the plugin folder (a package's tsconfig extends the host's).
    __ROOT__: posix(relative(out, ROOT)),
    // The plugin folder from the repository root, for drizzle-kit (which runs from the root).
    __DIR__: posix(fromRoot),
    __HOST_RANGE__: `^${hostVersion}`,
    // A package's tests reach its sources under src/, and its index the migrations at the package root.
    __SRC__: kind === 'package' ? 'src/' : '',
    __UP__: kind === 'package' ? '../' : './',
  };
  /** The SDK as a file at `target` imports it: by package name in a package, by relative path in this repository. */
  const sdk = (target: string, module: 'index' | 'testing') =>
    kind === 'package'
      ? module === 'index'
        ? '@finmart/sdk'
        : '@finmart/sdk/testing'
      : `${posix(relative(dirname(target), join(ROOT, 'src', 'sdk')))}/${module}.js`;
  const fill = (s: string, target: string) =>
    s
      .replace(/__SDK_TESTING__/g, sdk(target, 'testing'))
      .replace(/__SDK__/g, sdk(target, 'index'))
      .replace(/__(CODE|LINE|TYPE|ROOT|DIR|HOST_RANGE|SRC|UP)__/g, (m) => values[m]!);

  try {
    const write = (target: string, content: string) => {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    };
    for (const file of templateFiles(TEMPLATE_DIR)) {
      const target = join(out, placed(file, kind));
      write(target, fill(readFileSync(join(TEMPLATE_DIR, file), 'utf8'), target));
    }
    if (kind === 'package') {
      write(join(out, 'package.json'), packageJson(names, values.__DIR__!));
      for (const file of templateFiles(PACKAGE_TEMPLATE_DIR)) {
        const target = join(out, file.replace(/\.tmpl$/, ''));
        write(target, fill(readFileSync(join(PACKAGE_TEMPLATE_DIR, file), 'utf8'), target));
      }
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
  const packageAt = args.indexOf('--package');
  const kind: ScaffoldKind = packageAt >= 0 ? 'package' : 'in-repo';
  if (packageAt >= 0) args.splice(packageAt, 1);
  const [code, ...extra] = args;
  if (extra.length) {
    console.error(`plugin:new: unexpected arguments: ${extra.join(' ')}`);
    return 1;
  }
  try {
    const out = scaffold(code ?? '', outDir, kind);
    const dir = posix(relative(ROOT, out));
    const names = namesFor(code!);
    const camel = names.code.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const install =
      kind === 'package'
        ? `  2. Install it: npm install (links the workspace package), then add
       "${JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')).name}"
     to "finmart.plugins" in the host's package.json (or name it in FINMART_PLUGINS).
     npm run build compiles it against the SDK's declarations alone, as a partner's build does.`
        : `  2. Install it: in plugins/index.ts add
       import ${camel} from './${posix(relative(PLUGINS_DIR, out))}/index.js';
     and put it in the installedPlugins array.`;
    console.log(`Created ${dir}/ (line ${names.line}, GraphQL type ${names.type}) with its init migration.

Next:
  1. npx vitest run ${dir}/            # the skeleton's tests pass as generated
${install}
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
