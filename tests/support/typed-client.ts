import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { typedClientConfig } from '../../examples/typed-client/codegen.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLE = join(ROOT, 'examples/typed-client');

/** Runs a command to its end; never throws (the result says how it went). */
export function run(cmd: string, args: string[], opts: { cwd?: string } = {}): Promise<{ code: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => done({ code: -1, output: output + String(e) }));
    child.on('close', (code) => done({ code, output }));
  });
}

/** `tsc -p <dir>` with the repository's TypeScript, on the Node running the tests. */
export const tsc = (project: string) => run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project]);

/**
 * A copy of the example (its screens and tsconfig, not its generated folder) in a temporary folder,
 * with the repository's node_modules linked in, to generate and compile against a schema of the test's
 * choosing (the real one by default) without touching examples/typed-client/src/gql.
 */
export function typedClientCopy(opts: { schema?: (sdl: string) => string; source?: Record<string, (code: string) => string> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'finmart-typed-client-'));
  cpSync(join(EXAMPLE, 'src'), join(dir, 'src'), { recursive: true, filter: (from) => !from.includes(`${join(EXAMPLE, 'src/gql')}`) });
  for (const file of ['tsconfig.json', 'package.json']) cpSync(join(EXAMPLE, file), join(dir, file));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const sdl = readFileSync(join(ROOT, 'schema.graphql'), 'utf8');
  writeFileSync(join(dir, 'schema.graphql'), opts.schema ? opts.schema(sdl) : sdl);
  for (const [file, edit] of Object.entries(opts.source ?? {})) {
    const path = join(dir, 'src', file);
    writeFileSync(path, edit(readFileSync(path, 'utf8')));
  }
  return {
    dir,
    out: join(dir, 'src/gql'),
    manifestPath: join(dir, 'src/gql/persisted-documents.json'),
    /** graphql-codegen with the example's own config, re-targeted at the copy; rejects as the CLI would fail. */
    generate: () =>
      generate(
        { ...typedClientConfig({ schema: join(dir, 'schema.graphql'), documents: join(dir, 'src/**/*.ts'), out: join(dir, 'src/gql') }), silent: true },
        true,
      ),
    tsc: () => tsc(dir),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Replaces `from` by `to` in `text`, failing loudly when `from` is gone (so a test cannot pass by editing nothing). */
export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const next = text.replace(from, to);
  if (next === text) throw new Error(`nothing to replace: ${String(from)}`);
  return next;
}
