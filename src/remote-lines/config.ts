/**
 * `REMOTE_LINES`: the product lines a partner runs as its own GraphQL service.
 *
 * One entry per line, entries separated by commas:
 *
 * ```
 * <code>=<LINE>:<TypeName>[/<QUALIFICATION>]@<url>
 * insurance=INSURANCE:InsuranceProduct/INSURANCE_AGENT@http://127.0.0.1:4101/graphql
 * ```
 *
 * - `code`: the line's lower-case code (what `PLUGINS` would name), also its `Reason.source`;
 * - `LINE`: its `ProductLine` value, which the bank's catalogue (`products.line`) uses;
 * - `TypeName`: the `Product` implementation the partner's subgraph extends (`@key(fields: "code")`);
 * - `QUALIFICATION` (optional): what a member of staff needs to sell the line (`core.seller-qualification`),
 *   since who may sell is the bank's licence, not the partner's;
 * - `url`: the partner subgraph's GraphQL endpoint (http or https), where the host reads the suitability
 *   contract and asks for verdicts.
 */

/** One remote line as configured. */
export interface RemoteLineConfig {
  code: string;
  line: string;
  typeName: string;
  /** Seller qualification the host requires for staff-initiated sales of the line; undefined: none. */
  sellerQualification?: string;
  url: string;
}

const ENTRY = /^([a-z][a-z0-9]{1,30})=([A-Z][A-Z0-9_]{1,30}):([A-Z][A-Za-z0-9]{1,60})(?:\/([A-Z][A-Z0-9_]{1,40}))?@(\S+)$/;

const FORMAT = '<code>=<LINE>:<TypeName>[/<QUALIFICATION>]@<url>, e.g. insurance=INSURANCE:InsuranceProduct@http://127.0.0.1:4101/graphql';

/**
 * Parses `REMOTE_LINES`. Returns the lines and the problems found (each naming the entry); the caller turns
 * problems into a configuration error. An empty or unset value is no remote line.
 */
export function parseRemoteLines(value: string | undefined): { lines: RemoteLineConfig[]; problems: string[] } {
  const lines: RemoteLineConfig[] = [];
  const problems: string[] = [];
  if (value === undefined || value.trim() === '') return { lines, problems };
  for (const raw of value.split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const m = ENTRY.exec(entry);
    if (!m) {
      problems.push(`REMOTE_LINES: "${entry}" is not ${FORMAT}`);
      continue;
    }
    const [, code, line, typeName, qualification, url] = m;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url!);
    } catch {
      parsed = undefined;
    }
    if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
      problems.push(`REMOTE_LINES: "${entry}": ${url} is not an http(s) URL`);
      continue;
    }
    if (parsed.username || parsed.password) {
      problems.push(`REMOTE_LINES: "${entry}": the URL must not carry credentials (the caller's token is forwarded)`);
      continue;
    }
    for (const [what, v] of [
      ['code', code],
      ['line', line],
      ['type', typeName],
    ] as const) {
      const clash = lines.find((l) => (what === 'code' ? l.code : what === 'line' ? l.line : l.typeName) === v);
      if (clash) problems.push(`REMOTE_LINES: ${what} ${v} is named twice`);
    }
    lines.push({ code: code!, line: line!, typeName: typeName!, ...(qualification ? { sellerQualification: qualification } : {}), url: parsed.toString() });
  }
  return { lines, problems };
}
