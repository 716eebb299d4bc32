import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/config.js';
import { createTestHost, type TestHost } from './support/test-host.js';

/** A raw GET (fetch would decompress): status, headers, body bytes. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

const BROWSER = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

// The GraphiQL page is ~9 MB of HTML: sent compressed, revalidated rather than downloaded again, opened pre-filled
// from a `?query=` link, and not served in production unless asked for.
describe('serving the GraphiQL page', () => {
  let t: TestHost;
  let off: TestHost;
  beforeAll(async () => {
    t = await createTestHost({ customers: 0 });
    off = await createTestHost({ customers: 0, env: { GRAPHIQL: 'false' } });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await off?.close();
  });

  it('sends it brotli- or gzip-compressed (under a third of its size), or plain to a browser that asks for neither', async () => {
    const plain = await get(t.url, { ...BROWSER, 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const html = plain.body.toString('utf8');
    expect(html).toContain('finmart GraphiQL');
    const br = await get(t.url, { ...BROWSER, 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(html);
    expect(br.body.length).toBeLessThan(plain.body.length / 3);
    const gz = await get(t.url, { ...BROWSER, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(html);
    expect(gz.body.length).toBeLessThan(plain.body.length / 3);
  });

  it('is revalidated: the same ETag answers 304 with no body', async () => {
    const first = await get(t.url, { ...BROWSER, 'accept-encoding': 'br' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await get(t.url, { ...BROWSER, 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('a ?query= link opens the page (the browser fills the editor); a client asking for JSON gets the query run', async () => {
    const link = `${t.url}?query=${encodeURIComponent('{ me { role } }')}`;
    const page = await get(link, { ...BROWSER, 'accept-encoding': 'identity' });
    expect(page.status).toBe(200);
    expect(page.body.toString('utf8')).toContain("p.has('query')");
    const run = await get(link, {
      accept: 'application/json',
      'apollo-require-preflight': 'true',
      authorization: `Bearer ${await t.token({ role: 'AUDITOR' })}`,
    });
    expect(JSON.parse(run.body.toString('utf8'))).toEqual({ data: { me: { role: 'AUDITOR' } } });
  });

  it('is not served when switched off (the default in production)', async () => {
    const r = await get(off.url, { ...BROWSER, 'accept-encoding': 'identity' });
    expect(r.headers['content-type']).not.toMatch(/text\/html/);
    expect(r.body.toString('utf8')).not.toContain('GraphiQL');
    const key = { JWKS_URL: 'https://idp.bank.example/jwks.json' };
    expect(loadConfig({ NODE_ENV: 'production', ...key }).GRAPHIQL).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHIQL: 'true', ...key }).GRAPHIQL).toBe(true);
  });
});
