import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import type { GraphiQLOptions } from 'graphql-yoga';

/** What the GraphiQL page needs to know about the API it talks to. */
export interface GraphiqlPageOptions {
  /**
   * Root-relative path of the GraphQL endpoint, e.g. `/graphql`. Absolute and
   * protocol-relative URLs are refused: the page may only talk to the server
   * that served it.
   */
  endpoint: string;
  /** Page and IDE title; treated as plain text. Defaults to `finmart GraphiQL`. */
  title?: string;
  /**
   * Headers pre-filled in the IDE's headers editor (e.g. a development
   * `Authorization: Bearer …`). The user can edit or delete them.
   */
  defaultHeaders?: Record<string, string>;
}

const DEFAULT_TITLE = 'finmart GraphiQL';

/** Browser-side: the `query` (and `operationName`) of a `/graphql?query=…` link, as GraphiQL options. */
const LINK_QUERY = `function () {
  var p = new URLSearchParams(window.location.search), o = {};
  if (p.has('query')) { o.defaultQuery = p.get('query'); o.query = p.get('query'); }
  if (p.has('operationName')) o.operationName = p.get('operationName');
  return o;
}`;

const DEFAULT_QUERY = `{
  me {
    role
  }
}
`;

// Each page is ~9 MB. Options are normally fixed per process, but if a caller
// ever varies them (say, per-user tokens) an unbounded cache would leak memory.
const CACHE_LIMIT = 8;
const cache = new Map<string, string>();

/**
 * Full, self-contained HTML for the GraphiQL IDE.
 *
 * Everything — React/GraphiQL/Monaco bundle, CSS, fonts, favicon and the
 * Monaco web workers (started from `blob:` URLs) — is inlined by
 * `@graphql-yoga/render-graphiql`, so the page fetches nothing but the
 * endpoint. Navigation links to third-party sites in the bundle are turned
 * into plain text. Serve it with {@link graphiqlCsp} so the browser enforces
 * the same rule.
 *
 * The result is memoised per distinct options value.
 *
 * @throws if `endpoint` is not a root-relative path, or if the renderer starts
 *   referencing external resources (e.g. after an upgrade).
 */
export function renderGraphiqlPage(opts: GraphiqlPageOptions): string {
  const key = JSON.stringify([opts.endpoint, opts.title ?? null, opts.defaultHeaders ?? null]);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;

  const html = render(opts);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, html);
  return html;
}

/** The page as served: its bytes compressed both ways once, and the validator browsers revalidate it with. */
export interface GraphiqlAsset {
  html: string;
  etag: string;
  gzip: Buffer;
  brotli: Buffer;
}

const assets = new Map<string, GraphiqlAsset>();

/**
 * {@link renderGraphiqlPage} ready to serve: ~9 MB of HTML goes out as ~2 MB (brotli) or ~2.5 MB (gzip),
 * compressed once per options value (brotli at quality 6: a second on first request, not 20 at 11), with an
 * ETag so a browser's next visit is a 304.
 */
export function graphiqlAsset(opts: GraphiqlPageOptions): GraphiqlAsset {
  const key = JSON.stringify([opts.endpoint, opts.title ?? null, opts.defaultHeaders ?? null]);
  const hit = assets.get(key);
  if (hit) return hit;
  const html = renderGraphiqlPage(opts);
  const bytes = Buffer.from(html, 'utf8');
  const asset: GraphiqlAsset = {
    html,
    etag: `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`,
    gzip: gzipSync(bytes, { level: 9 }),
    brotli: brotliCompressSync(bytes, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 6, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
  };
  if (assets.size >= CACHE_LIMIT) assets.delete(assets.keys().next().value as string);
  assets.set(key, asset);
  return asset;
}

/**
 * `Content-Security-Policy` value for the page from {@link renderGraphiqlPage}.
 *
 * Only same-origin requests are allowed, plus what the inlined page needs:
 * inline script and styles, `data:` fonts and images, and `blob:` workers.
 * This also stops data-driven requests the IDE could otherwise make, such as
 * its image preview of URLs found in a response.
 */
export function graphiqlCsp(): string {
  return [
    "default-src 'none'",
    // The whole bundle is one inline <script>; a hash would have to be
    // recomputed for every options value, which a constant header cannot carry.
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    // Monaco's language workers are created from blob: URLs of inlined source.
    "worker-src 'self' blob:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

function render(opts: GraphiqlPageOptions): string {
  // '//host' and '/\host' are protocol-relative in browsers.
  if (!/^\/(?![/\\])/.test(opts.endpoint)) {
    throw new Error(`GraphiQL endpoint must be a root-relative path such as /graphql, got ${JSON.stringify(opts.endpoint)}`);
  }

  const headers = opts.defaultHeaders;
  const yogaOpts: GraphiQLOptions = {
    endpoint: opts.endpoint,
    // The renderer puts the title unescaped into <title> and the IDE sets it as
    // innerHTML, so it must arrive as HTML text.
    title: escapeHtml(opts.title ?? DEFAULT_TITLE),
    defaultQuery: DEFAULT_QUERY,
    // Yoga hands `headers` to GraphiQL as its `defaultHeaders`, which is what
    // fills the headers editor (a yoga-level `defaultHeaders` would be spread
    // over it). It is the JSON text the editor shows.
    ...(headers && Object.keys(headers).length > 0 ? { headers: JSON.stringify(headers, null, 2) } : {}),
    // Yoga persists headers by default: a bearer token would sit in
    // localStorage, and a stale stored token would replace the new default.
    shouldPersistHeaders: false,
  };

  let html = renderGraphiQL(yogaOpts);

  // The renderer embeds JSON.stringify(opts) raw in the <script>; a header
  // value containing "</script>" would end the script early.
  const rawOpts = JSON.stringify(yogaOpts);
  const at = html.lastIndexOf(rawOpts);
  if (at < 0) throw new Error('GraphiQL renderer no longer embeds its options as expected; review src/http/graphiql.ts');
  // `/graphql?query=…` links open the page pre-filled: the options take the link's query, read in the browser
  // (one cached page serves every link, and the query never reaches the server's HTML).
  html = html.slice(0, at) + `Object.assign(${scriptSafeJson(rawOpts)}, (${LINK_QUERY})())` + html.slice(at + rawOpts.length);

  // GraphiQL's logo, keyboard-shortcut help and explorer credits link to
  // third-party sites. They are not fetched, but in an air-gapped network they
  // only lead to dead pages; dropping href leaves the text.
  html = html.replace(/href:"https?:\/\/[^"]*"/g, 'href:void 0');

  assertSelfContained(html);
  return html;
}

/**
 * Fails closed if the page would make the browser fetch from another host:
 * attribute `src`/`href`, CSS `url()`/`@import`, and `import()`/
 * `importScripts()` with an absolute or protocol-relative URL. Plain URLs in
 * comments, messages and namespace constants are not requests and are ignored.
 */
function assertSelfContained(html: string): void {
  const external = String.raw`\\?["'\x60]?\s*(?:https?:)?\/\/`;
  const fetchContexts = [
    new RegExp(String.raw`\b(?:src|href|srcset|poster|action)\s*=\s*` + external, 'i'),
    new RegExp(String.raw`url\(\s*` + external, 'i'),
    new RegExp(String.raw`@import\s+(?:url\()?` + external, 'i'),
    new RegExp(String.raw`\bimport(?:Scripts)?\(\s*` + external, 'i'),
  ];
  for (const re of fetchContexts) {
    const m = re.exec(html);
    if (m) {
      throw new Error(`GraphiQL page references an external resource near ${JSON.stringify(html.slice(m.index, m.index + 120))}`);
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Escapes that keep the JSON value identical while making it inert in HTML.
function scriptSafeJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
