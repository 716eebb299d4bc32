import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signDevelopmentToken } from '../../src/auth/tokens.js';
import { ConfigError, DEVELOPMENT_JWT_SECRET, loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/logger.js';
import { startServer } from '../../src/server.js';
import { freePort, spawnServer } from './spawned-server.js';

const production = (env: Record<string, string> = {}) => loadConfig({ NODE_ENV: 'production', ...env });
const refusal = (env: Record<string, string>) => {
  try {
    production(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems.join('\n');
  }
  throw new Error(`accepted ${JSON.stringify(env)}`);
};

describe('production refuses a weak or missing key', () => {
  it('refuses the published development secret, alone or dressed up', () => {
    expect(refusal({ JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toMatch(/^JWT_SECRET: is the published development secret/);
    expect(refusal({ JWT_SECRET: `${DEVELOPMENT_JWT_SECRET}-2024` })).toMatch(/development secret/);
    // Even beside a public key: a configured secret is a key that verifies tokens.
    expect(refusal({ JWT_SECRET: DEVELOPMENT_JWT_SECRET, JWKS_URL: 'https://idp.bank.example/jwks.json' })).toMatch(/JWT_SECRET/);
  });

  it('refuses no key at all', () => {
    expect(refusal({})).toMatch(/JWT_SECRET \/ JWT_PUBLIC_KEY \/ JWKS_URL: one is required in production/);
  });

  it.each([
    ['shorter than 32 bytes', randomBytes(15).toString('hex'), /at least 32 characters|shorter than 32 bytes/],
    ['a 32-character printable key (about 210 bits)', randomBytes(23).toString('base64').slice(0, 31) + '!', /carries about/],
    ['one character repeated', 'a'.repeat(64), /not random/],
    ['a repeated unit', 'Zq9#xT2!'.repeat(8), /not random/],
    ['an alphabet run', 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', /not random/],
    ['a keyboard-ish word with few characters', 'passwordpassword1passwordpassword2', /not random|bits/],
    ['32 hex characters (16 bytes)', randomBytes(16).toString('hex'), /carries about 128 bits/],
    ['24 random bytes in base64', randomBytes(24).toString('base64'), /carries about 192 bits/],
    ['a 33-character lowercase password', 'qwhxmzplvkrtjnbgdsfaycueoiwqmzxkr', /carries about \d+ bits/],
  ])('refuses %s', (_name, secret, why) => {
    expect(refusal({ JWT_SECRET: secret })).toMatch(why);
  });

  it('accepts 32 random bytes as hex, base64 or base64url (every time: the estimate has no edge a random key falls off)', () => {
    for (let i = 0; i < 300; i++) {
      const bytes = randomBytes(32);
      for (const secret of [bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')]) {
        expect(() => production({ JWT_SECRET: secret }), secret).not.toThrow();
      }
    }
    // A long random passphrase of printable characters passes too.
    expect(() => production({ JWT_SECRET: 'tB7#qL9v!Xe2$Wm4^Rz8&Kp1*Nd6(Hs3)Fa5@Gc0' })).not.toThrow();
  });

  it('outside production the development secret stays the default (npm run token works against npm start)', () => {
    expect(loadConfig({}).jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
    expect(loadConfig({ NODE_ENV: 'test', JWT_SECRET: DEVELOPMENT_JWT_SECRET }).jwtSecret).toBe(DEVELOPMENT_JWT_SECRET);
  });

  it('the process exits 78 naming JWT_SECRET instead of starting with the development secret', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'finmart-prod-'));
    try {
      const server = spawnServer(
        process.execPath,
        ['--import', 'tsx', 'src/main.ts'],
        { NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
        await freePort(),
      );
      try {
        const exit = await Promise.race([server.exited, new Promise<'still running'>((r) => setTimeout(() => r('still running'), 20_000))]);
        expect(exit).toEqual({ code: 78, signal: null });
        const fatal = server.lines.find((l) => l.level === 60);
        expect(fatal?.problems).toEqual([expect.stringMatching(/^JWT_SECRET: is the published development secret/)]);
        expect(server.lines.some((l) => l.msg === 'finmart is listening; GraphiQL at the url')).toBe(false);
      } finally {
        if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('production never seeds the demo bank unless told to', () => {
  const secret = randomBytes(32).toString('base64');

  it('SEED_ON_EMPTY defaults to false in production and true elsewhere; an explicit value wins', () => {
    expect(production({ JWT_SECRET: secret }).SEED_ON_EMPTY).toBe(false);
    expect(production({ JWT_SECRET: secret, SEED_ON_EMPTY: 'true' }).SEED_ON_EMPTY).toBe(true);
    expect(loadConfig({}).SEED_ON_EMPTY).toBe(true);
    expect(loadConfig({ SEED_ON_EMPTY: 'false' }).SEED_ON_EMPTY).toBe(false);
  });

  it('a production server on an empty database starts empty', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'finmart-prod-'));
    const config = production({ JWT_SECRET: secret, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO_CUSTOMERS: '10', LOG_LEVEL: 'silent' });
    const server = await startServer(config, createLogger('silent'));
    try {
      const token = await signDevelopmentToken({ role: 'HEAD_OFFICE' }, { secret, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ customers(first: 1) { totalCount } }' }),
      });
      expect((await res.json()).data.customers.totalCount).toBe(0);
      // And the development secret opens nothing.
      const dev = await signDevelopmentToken(
        { role: 'HEAD_OFFICE' },
        { secret: DEVELOPMENT_JWT_SECRET, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE },
      );
      const refused = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${dev}` },
        body: JSON.stringify({ query: '{ me { role } }' }),
      });
      expect(refused.status).toBe(401);
    } finally {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 180_000);
});
