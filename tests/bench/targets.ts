import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/**
 * The bench's servers, each in its own process as it would be deployed:
 * finmart (the compiled `dist/src/main.js` that `npm start` runs, NODE_ENV=production,
 * every guarantee on), the naive variant (no DataLoader batching; run from source with tsx), and the peer, PostGraphile 5 (Node ≥ 22).
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TMP = `${ROOT}tests/bench/.tmp`;

/** A server the bench drives. */
export interface Target {
  name: string;
  url: string;
  /** The process's log file (stdout and stderr). */
  logFile: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The Node binary for the servers: ≥ 22 (scripts/node22.sh fetches one when the machine has 20). */
export function node22(): string {
  return execFileSync(`${ROOT}scripts/node22.sh`, { encoding: 'utf8' }).trim();
}

async function waitReady(url: string, child: ChildProcess, logFile: string, check: (url: string) => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before it was ready; see ${logFile}`);
    try {
      if (await check(url)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} not ready after ${timeoutMs} ms; see ${logFile}`);
}

function launch(name: string, bin: string, args: string[], env: Record<string, string>): { child: ChildProcess; logFile: string } {
  mkdirSync(TMP, { recursive: true });
  const logFile = `${TMP}/${name}.log`;
  const fd = openSync(logFile, 'w');
  const child = spawn(bin, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  return { child, logFile };
}

const stopper = (child: ChildProcess) => () =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
  });

const readyz = async (url: string) => (await fetch(url.replace(/\/graphql$/, '/readyz'))).ok;

/** finmart's environment as deployed, with budgets large enough for the bench's load. */
export function deployedEnv(db: { url?: string; dataDir?: string }, secret: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'production',
    JWT_SECRET: secret,
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    SEED_ON_EMPTY: 'false',
    RATE_LIMIT_PER_MINUTE: '100000000',
    RATE_LIMIT_COST_PER_MINUTE: '1000000000000',
    RATE_LIMIT_CONCURRENCY: '256',
    ...(db.url ? { DATABASE_URL: db.url } : { DATA_DIR: db.dataDir! }),
    ...extra,
  };
}

/** Builds `dist/` when the sources are newer (what `npm start` runs: compiled, plain node, no TypeScript loader). */
export function ensureBuilt(): void {
  execFileSync(process.execPath, [`${ROOT}scripts/ensure-build.mjs`], { stdio: 'inherit' });
}

/** (a) finmart as deployed: the compiled `dist/src/main.js` (`npm start`) in production mode. */
export async function startFinmart(name: string, env: Record<string, string>, bin = node22(), timeoutMs = 180_000): Promise<Target> {
  ensureBuilt();
  const port = await freePort();
  const { child, logFile } = launch(name, bin, ['dist/src/main.js'], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitReady(url, child, logFile, readyz, timeoutMs);
  return { name, url, logFile, stop: stopper(child) };
}

/** (b) the naive variant: the same app with per-request loaders that neither batch nor cache. */
export async function startNaive(name: string, env: Record<string, string>, bin = node22()): Promise<Target> {
  const port = await freePort();
  const { child, logFile } = launch(name, bin, ['--import', 'tsx', 'tests/bench/naive-server.ts'], { ...env, PORT: String(port) });
  const url = `http://127.0.0.1:${port}/graphql`;
  await waitReady(url, child, logFile, readyz, 180_000);
  return { name, url, logFile, stop: stopper(child) };
}

/** Installs the peer's packages (tools/bench-peer) on first use. */
export function ensurePeerInstalled(): void {
  if (existsSync(`${ROOT}tools/bench-peer/node_modules/postgraphile`)) return;
  execFileSync('npm', ['ci', '--prefix', `${ROOT}tools/bench-peer`, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
}

/** (d) the peer: PostGraphile 5 (amber) over the same PostgreSQL database. */
export async function startPeer(databaseUrl: string, bin = node22()): Promise<Target> {
  ensurePeerInstalled();
  const port = await freePort();
  const { child, logFile } = launch('postgraphile', bin, ['tools/bench-peer/server.mjs'], {
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    GRAPHILE_ENV: 'production',
  });
  const url = `http://127.0.0.1:${port}/graphql`;
  const answers = async (u: string) =>
    (await fetch(u, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) })).ok;
  await waitReady(url, child, logFile, answers, 120_000);
  return { name: 'postgraphile', url, logFile, stop: stopper(child) };
}

/** Statements the peer sent for one request: its counter read around the request. */
export async function peerStatements(peer: Target, send: () => Promise<unknown>): Promise<number> {
  const counter = async () => ((await (await fetch(peer.url.replace(/\/graphql$/, '/__statements'))).json()) as { statements: number }).statements;
  const before = await counter();
  await send();
  return (await counter()) - before;
}
