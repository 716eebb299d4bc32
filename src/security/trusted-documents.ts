import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Trusted documents (persisted operations): the server runs only the operations of a manifest its
 * clients' build produced — the typed client's `persisted-documents.json` (graphql-codegen client
 * preset, `persistedDocuments: { hashAlgorithm: 'sha256' }`: `{ "<hex>": "<document>" }`, the id spelt
 * `sha256:<hex>` from client-preset 6 on). Configured by
 * `TRUSTED_DOCUMENTS` (the manifest's path) and `TRUSTED_DOCUMENTS_MODE`; off when unset.
 *
 * - `enforce`: a request names a document of the manifest — `documentId` (`sha256:<hex>` or `<hex>`),
 *   or Apollo's `extensions.persistedQuery.sha256Hash` — and the server runs the stored text; or it
 *   sends a `query` whose sha256 is in the manifest (byte for byte the manifest's text). Anything else
 *   is refused with 400 before it is parsed: `PERSISTED_QUERY_NOT_FOUND` (an id not in the manifest) or
 *   `OPERATION_NOT_TRUSTED` (a query text not in it, or a text that does not match its id).
 * - `allow-unknown`: ids resolve the same way, but a query text not in the manifest still runs and is
 *   logged (`operation not in the trusted documents`, with its hash) — the step before enforcing, to find
 *   the clients that would be refused.
 *
 * Refusals are logged with the code, the id or the text's hash — never the text. This module reads
 * the manifest (at start, from loadConfig); src/http/trusted-documents.ts checks requests against it.
 */
export type TrustedDocumentsMode = 'enforce' | 'allow-unknown';

export interface TrustedDocuments {
  mode: TrustedDocumentsMode;
  /** sha256 (lower-case hex) of each document's text → the text. */
  byHash: ReadonlyMap<string, string>;
  /** Where the manifest was read from. */
  source: string;
}

const HEX_64 = /^[0-9a-f]{64}$/;
export const sha256Hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** `sha256:<hex>` or `<hex>` → lower-case hex; undefined when it is not a sha256 document id. */
export function documentHash(id: string): string | undefined {
  const hex = (id.startsWith('sha256:') ? id.slice('sha256:'.length) : id).toLowerCase();
  return HEX_64.test(hex) ? hex : undefined;
}

/**
 * Reads a manifest: the client preset's `{ "sha256:<hex>": text }` (plain `<hex>` keys too) or Apollo's
 * persisted query manifest (`{ format: "apollo-persisted-query-manifest", operations: [{ id, body }] }`).
 * Every id must be the sha256 of its text — a manifest made with another hash (sha1) or edited by hand
 * is refused whole, naming the first bad entry.
 */
export function parseTrustedDocumentManifest(json: unknown): Map<string, string> {
  const entries: [string, unknown][] =
    json && typeof json === 'object' && !Array.isArray(json) && (json as { format?: unknown }).format === 'apollo-persisted-query-manifest'
      ? (((json as { operations?: unknown }).operations as { id?: unknown; body?: unknown }[] | undefined) ?? []).map((o) => [String(o?.id), o?.body])
      : json && typeof json === 'object' && !Array.isArray(json)
        ? Object.entries(json)
        : [];
  if (!entries.length) throw new Error('no documents (expected { "sha256:<hex>": "<document>", … })');
  const byHash = new Map<string, string>();
  for (const [id, body] of entries) {
    const hex = documentHash(id);
    if (!hex) throw new Error(`"${id.slice(0, 80)}" is not a sha256 document id`);
    if (typeof body !== 'string' || !body.trim()) throw new Error(`${id}: the document is not a non-empty string`);
    if (sha256Hex(body) !== hex) throw new Error(`${id}: the id is not the sha256 of its document`);
    byHash.set(hex, body);
  }
  return byHash;
}

/** Loads the manifest at `path`; throws an Error saying what is wrong with it. */
export function loadTrustedDocuments(path: string, mode: TrustedDocumentsMode): TrustedDocuments {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`cannot read ${path} as JSON (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  }
  try {
    return { mode, byHash: parseTrustedDocumentManifest(json), source: path };
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
  }
}

/**
 * The `TRUSTED_DOCUMENTS` setting of a server (the host or the gateway): the manifest when the variable is set, else
 * undefined; a manifest that cannot be used adds a problem naming the variable to `problems`, for the start to refuse.
 */
export function trustedDocumentsSetting(path: string | undefined, mode: TrustedDocumentsMode, problems: string[]): TrustedDocuments | undefined {
  if (!path) return undefined;
  try {
    return loadTrustedDocuments(path, mode);
  } catch (e) {
    problems.push(`TRUSTED_DOCUMENTS: ${(e as Error).message}`);
    return undefined;
  }
}
