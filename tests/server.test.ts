import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT_JWT_SECRET, loadConfig, ConfigError } from '../src/config/config.js';
import { signDevelopmentToken } from '../src/auth/tokens.js';
import { createLogger } from '../src/logger.js';
import { startServer, type RunningServer } from '../src/server.js';

describe('the development server (npm start) on embedded PGlite', () => {
  let server: RunningServer;
  let dataDir: string;
  let base: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'finmart-'));
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_CUSTOMERS: '60', LOG_LEVEL: 'silent' });
    server = await startServer(config, createLogger('silent'));
    base = server.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports alive and ready', async () => {
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('serves GraphiQL with a development token pre-filled and no external host', async () => {
    const res = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    const html = await res.text();
    const token = /Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)/.exec(html)?.[1];
    expect(token).toBeTruthy();
    expect(html).not.toMatch(/<script[^>]+src=["']https?:\/\//i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:\/\//i);
    // The pre-filled token works against the API.
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role } customers(first: 1) { totalCount } }' }),
    });
    const body = await r.json();
    expect(body.data.me.role).toBe('HEAD_OFFICE');
    expect(body.data.customers.totalCount).toBe(60);
  });

  it('refuses a request without a token, with a code and a request id', async () => {
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ query: '{ me { role } }' }),
    });
    expect(r.status).toBe(401);
    const body = await r.json();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(body.errors[0].extensions.requestId).toBe(r.headers.get('x-request-id'));
  });

  it('accepts tokens from `npm run token` (same development secret)', async () => {
    const token = await signDevelopmentToken(
      { role: 'RELATIONSHIP_MANAGER', managerId: 1 },
      { secret: DEVELOPMENT_JWT_SECRET, issuer: 'finmart', audience: 'finmart-api' },
    );
    const r = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { role managerId } }' }),
    });
    expect((await r.json()).data.me).toMatchObject({ role: 'RELATIONSHIP_MANAGER' });
  });

  it('finishes in-flight requests on stop, then refuses new ones', async () => {
    const token = await signDevelopmentToken({ role: 'HEAD_OFFICE' }, { secret: DEVELOPMENT_JWT_SECRET, issuer: 'finmart', audience: 'finmart-api' });
    const slow = fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ customers(first: 40) { edges { node { eligibleProducts(first: 5) { totalCount } } } } }' }),
    });
    await new Promise((r) => setTimeout(r, 30));
    const stopping = server.stop();
    const res = await slow;
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.customers.edges).toHaveLength(40);
    await stopping;
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });
});

describe('configuration is validated at start', () => {
  it('names the bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
  });
});
