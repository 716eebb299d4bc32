import { randomBytes } from 'node:crypto';
import { createServer, type Socket } from 'node:net';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { pino } from 'pino';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '../../src/auth/tokens.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config/config.js';
import { openDatabase } from '../../src/db/client.js';
import { databaseUnavailable } from '../../src/db/unavailable.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { freePort } from './spawned-server.js';
import { startTcpProxy } from './tcp-proxy.js';

/**
 * A database outage makes requests fail fast — within the connect or
 * statement timeout — with SERVICE_UNAVAILABLE (HTTP 503) and a log line that
 * names the cause, instead of hanging for the driver's defaults (30 s connect,
 * no statement timeout).
 */

describe('the driver gives up within the configured timeouts', () => {
  it('a server that accepts and never answers: CONNECT_TIMEOUT after DB_CONNECT_TIMEOUT_MS', async () => {
    const held: Socket[] = [];
    const silent = createServer((s) => held.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const { port } = silent.address() as { port: number };
    const database = await openDatabase({ url: `postgres://finmart@127.0.0.1:${port}/finmart`, connectTimeoutMs: 1000 });
    try {
      const started = Date.now();
      const error = await database.db.execute(sql`select 1`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(Date.now() - started).toBeLessThan(2500);
      expect(databaseUnavailable(error)).toEqual({ cause: 'CONNECT_TIMEOUT' });
    } finally {
      await database.close();
      for (const s of held) s.destroy();
      silent.close();
    }
  });

  it('nothing listening: ECONNREFUSED at once', async () => {
    const database = await openDatabase({ url: `postgres://finmart@127.0.0.1:${await freePort()}/finmart`, connectTimeoutMs: 1000 });
    try {
      const error = await database.db.execute(sql`select 1`).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(databaseUnavailable(error)?.cause).toBe('ECONNREFUSED');
    } finally {
      await database.close();
    }
  });

  it("recognises the server refusing to serve (statement timeout, shutdown) through drizzle's wrapper, and nothing else", () => {
    const pgError = (code: string) => Object.assign(new Error('canceling statement due to statement timeout'), { name: 'PostgresError', code });
    expect(databaseUnavailable(new DrizzleQueryError('select * from customers where id = $1', ['secret'], pgError('57014')))).toEqual({
      cause: 'statement_timeout',
      sqlState: '57014',
    });
    expect(databaseUnavailable(pgError('57P01'))).toEqual({ cause: 'admin_shutdown', sqlState: '57P01' });
    expect(databaseUnavailable(pgError('08006'))).toEqual({ cause: 'connection_exception', sqlState: '08006' });
    // A constraint violation or a bug is not an outage.
    expect(databaseUnavailable(new DrizzleQueryError('insert …', [], pgError('23505')))).toBeUndefined();
    expect(databaseUnavailable(new TypeError('x is undefined'))).toBeUndefined();
  });
});

const base = process.env.TEST_DATABASE_URL;

describe.skipIf(!base)('a running server loses its PostgreSQL', () => {
  let admin: postgres.Sql;
  let dbName: string;
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let server: RunningServer;
  let token: string;
  const logs: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const url = new URL(base!);
    admin = postgres(base!, { max: 2, onnotice: () => {} });
    dbName = `finmart_t_${randomBytes(6).toString('hex')}`;
    await admin.unsafe(`create database ${dbName}`);
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
    const viaProxy = new URL(base!);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    viaProxy.pathname = `/${dbName}`;
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: viaProxy.toString(),
      JWT_SECRET: DEVELOPMENT_JWT_SECRET,
      DEMO_CUSTOMERS: '10',
      DB_CONNECT_TIMEOUT_MS: '1000',
      DB_STATEMENT_TIMEOUT_MS: '1000',
      RATE_LIMIT_PER_MINUTE: '100000',
    });
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    server = await startServer(config, pino({ level: 'info' }, sink));
    token = await signDevelopmentToken({ role: 'HEAD_OFFICE' }, { secret: DEVELOPMENT_JWT_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  }, 180_000);

  afterAll(async () => {
    await proxy?.setMode('forward');
    await server?.stop();
    await proxy?.close();
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  });

  /** One request, timed; aborted after 10 s so that a hang fails the test instead of stalling it. */
  async function timedRequest(lang = 'en') {
    const started = Date.now();
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': lang },
      body: JSON.stringify({ query: '{ customers(first: 3) { totalCount edges { node { id tier } } } }' }),
      signal: AbortSignal.timeout(10_000),
    });
    return {
      ms: Date.now() - started,
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as { data?: any; errors?: { message: string; extensions: { code: string } }[] },
    };
  }

  const unavailableLogs = () => logs.filter((l) => l.msg === 'database unavailable');

  async function expectUnavailable(cause: string | RegExp) {
    const before = unavailableLogs().length;
    const r = await timedRequest();
    expect(r.ms).toBeLessThan(3000);
    expect(r.status).toBe(503);
    expect(r.retryAfter).toBe('5');
    expect(r.body.errors?.[0]?.extensions.code).toBe('SERVICE_UNAVAILABLE');
    expect(r.body.errors?.[0]?.message).toMatch(/temporarily unavailable/);
    const logged = unavailableLogs().slice(before);
    expect(logged.length).toBeGreaterThan(0);
    expect(logged[0].cause).toMatch(cause);
    // The cause, not the statement or its parameters.
    expect(JSON.stringify(logged)).not.toMatch(/select |from "|params/i);
    return r;
  }

  it('serves while the database answers', async () => {
    const r = await timedRequest();
    expect(r.status).toBe(200);
    expect(r.body.data.customers.totalCount).toBe(10);
  });

  it('a statement stuck behind a lock is cancelled by the statement timeout: 503 within 3 s, cause statement_timeout', async () => {
    const url = new URL(base!);
    url.pathname = `/${dbName}`;
    const locker = postgres(url.toString(), { max: 1, onnotice: () => {} });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockTaken = new Promise<void>((r) => (locked = r));
    const tx = locker.begin(async (t) => {
      await t`lock table customers in access exclusive mode`;
      locked();
      await held;
    });
    try {
      await lockTaken;
      await expectUnavailable('statement_timeout');
      // The zh-CN caller gets the message in Chinese.
      const zh = await timedRequest('zh-CN');
      expect(zh.body.errors?.[0]?.message).toMatch(/^服务暂时不可用/);
    } finally {
      release();
      await tx;
      await locker.end();
    }
  });

  it('a database host that accepts and never answers: 503 within 3 s, cause CONNECT_TIMEOUT', async () => {
    await proxy.setMode('blackhole');
    // The first request meets a pooled connection the outage cut: closed (seen) or broken on write (EPIPE,
    // when the request reaches the socket before its close is processed) — either way 503 at once.
    await expectUnavailable(/CONNECT_TIMEOUT|CONNECTION_CLOSED|EPIPE|ECONNRESET/);
    // The pool's old connections were cut with the outage; a fresh request must itself time out connecting.
    await expectUnavailable('CONNECT_TIMEOUT');
  });

  it('nothing listening on the database port: 503 at once, cause ECONNREFUSED', async () => {
    await proxy.setMode('refuse');
    const r = await expectUnavailable('ECONNREFUSED');
    expect(r.ms).toBeLessThan(1000);
  });

  it('recovers when the database comes back', async () => {
    await proxy.setMode('forward');
    const r = await timedRequest();
    expect(r.status).toBe(200);
    expect(r.body.data.customers.totalCount).toBe(10);
  });
});
