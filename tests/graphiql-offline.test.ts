import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { buildSchema, graphqlSync } from 'graphql';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphiqlCsp, renderGraphiqlPage } from '../src/http/graphiql.js';

// The bank's network is air-gapped: the IDE must work with every other host
// unreachable, and the browser must be told (CSP) never to try one.

const CHROMIUM = '/usr/bin/chromium';
const TOKEN = 'Bearer test-token-123';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

// Just enough schema for GraphiQL's introspection and for the default query
// `{ me { role } }` to validate.
const schema = buildSchema(`
  type Query { hello: String me: Me }
  type Me { role: String }
`);

let server: Server;
let baseUrl: string;
const graphqlAuthHeaders: (string | undefined)[] = [];

beforeAll(async () => {
  const app = express();
  app.get('/graphql', (_req, res) => {
    res
      .set('Content-Security-Policy', graphiqlCsp())
      .type('html')
      .send(renderGraphiqlPage({ endpoint: '/graphql', defaultHeaders: { Authorization: TOKEN } }));
  });
  app.post('/graphql', express.json(), (req, res) => {
    graphqlAuthHeaders.push(req.get('authorization'));
    const body = (req.body ?? {}) as { query?: string; variables?: Record<string, unknown>; operationName?: string };
    const result = graphqlSync({
      schema,
      source: body.query ?? '{ __typename }',
      variableValues: body.variables,
      operationName: body.operationName,
      rootValue: { hello: 'world', me: { role: 'AUDITOR' } },
    });
    res.json(result);
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

function isLocal(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:') return true;
  // blob:http://127.0.0.1:1234/uuid — the origin is the part after "blob:".
  if (u.protocol === 'blob:') return LOCAL_HOSTS.has(new URL(u.pathname).hostname);
  return LOCAL_HOSTS.has(u.hostname);
}

describe('GraphiQL page offline', () => {
  it('names no external host where the browser would fetch it', async () => {
    const res = await fetch(`${baseUrl}/graphql`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(graphiqlCsp());
    const html = await res.text();

    // The inlined bundle still mentions URLs that are never requested: licence
    // headers, doc comments, error messages, XML namespace and JSON-schema-draft
    // identifiers. So the check is on the contexts that make a browser fetch:
    // HTML attributes (also inside JS string literals, hence the optional
    // backslash), React props (`src:"…"`), CSS url()/@import, dynamic import,
    // importScripts and fetch with a literal URL. `//host` counts too.
    const q = String.raw`\\?["'\x60]?\s*`;
    const url = String.raw`((?:https?:)?\/\/[^\s"'\x60)\\]+)`;
    const contexts = [
      new RegExp(String.raw`\b(?:src|href|srcset|poster|action|data)\s*=\s*${q}${url}`, 'gi'),
      new RegExp(String.raw`\b(?:src|href|srcSet|poster|action)\s*:\s*${q}${url}`, 'g'),
      new RegExp(String.raw`url\(\s*${q}${url}`, 'gi'),
      new RegExp(String.raw`@import\s+(?:url\()?${q}${url}`, 'gi'),
      new RegExp(String.raw`\b(?:import|importScripts|fetch)\(\s*${q}${url}`, 'g'),
    ];
    const offenders: string[] = [];
    for (const re of contexts) {
      for (const m of html.matchAll(re)) {
        const target = m[1]!.startsWith('//') ? `http:${m[1]}` : m[1]!;
        if (!isLocal(target)) offenders.push(html.slice(m.index, m.index + 100));
      }
    }
    expect(offenders).toEqual([]);

    // Every font, image and the favicon is inlined.
    expect(html).toMatch(/<link rel="icon" href="data:/);
    expect(html).not.toMatch(/<script[^>]+\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/i);
  });

  it.skipIf(!existsSync(CHROMIUM))('renders in Chromium with only local requests and the token pre-filled', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const requests: string[] = [];
      const consoleErrors: string[] = [];
      const pageErrors: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (m.type() === 'error') consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      // Catches blocks the console might word differently or not report,
      // including those inside the blob: workers' owner document.
      await page.addInitScript(() => {
        const w = window as unknown as { __csp: string[] };
        w.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => {
          w.__csp.push(`${e.effectiveDirective} ${e.blockedURI}`);
        });
      });

      const introspected = page.waitForResponse((r) => r.url() === `${baseUrl}/graphql` && r.request().method() === 'POST');
      await page.goto(`${baseUrl}/graphql`, { waitUntil: 'load' });
      await page.waitForSelector('.graphiql-container .graphiql-query-editor .view-lines', { timeout: 30_000 });
      await introspected;

      await page.getByRole('button', { name: 'Headers' }).click();
      const headersEditor = page.locator('.graphiql-editor-tool .view-lines').last();
      await expect.poll(async () => (await headersEditor.innerText()).replace(/\u00a0/g, ' '), { timeout: 10_000 }).toContain(TOKEN);

      // Run the default query so the screenshot shows a real round trip.
      await page.locator('.graphiql-execute-button').click();
      await expect
        .poll(async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' '), {
          timeout: 10_000,
        })
        .toContain('AUDITOR');
      await page.screenshot({ path: '/tmp/graphiql.png' });

      const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
      const external = requests.filter((u) => !isLocal(u));
      console.info(`GraphiQL made ${requests.length} requests, ${external.length} non-local:\n` + requests.map((u) => `  ${u.slice(0, 80)}`).join('\n'));

      expect(requests.length).toBeGreaterThan(0);
      expect(external).toEqual([]);
      expect(csp).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(consoleErrors.filter((e) => /blocked|Content Security Policy|ERR_|Refused|net::/i.test(e))).toEqual([]);
      // The pre-filled header is not just shown but sent, introspection included.
      expect(graphqlAuthHeaders.length).toBeGreaterThanOrEqual(2);
      expect(new Set(graphqlAuthHeaders)).toEqual(new Set([TOKEN]));
    } finally {
      await browser.close();
    }
  });

  it.skipIf(!existsSync(CHROMIUM))('opens a ?query= link with that query in the editor, ready to run', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      const linked = '{ hello } # shared by a colleague';
      await page.goto(`${baseUrl}/graphql?query=${encodeURIComponent(linked)}`, { waitUntil: 'load' });
      const editor = page.locator('.graphiql-container .graphiql-query-editor .view-lines').first();
      await expect.poll(async () => (await editor.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 }).toContain('shared by a colleague');
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(async () => (await page.locator('.graphiql-response').innerText()).replace(/\u00a0/g, ' '), { timeout: 10_000 }).toContain('world');
    } finally {
      await browser.close();
    }
  });
});
