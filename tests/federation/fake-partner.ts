import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake partner answers evaluation calls. */
export type PartnerMode =
  /** Every request: one WARN hit (`INSURANCE_ADVICE`). */
  | 'warn'
  /** Every request: a BLOCK hit (`INSURANCE_NOT_FOR_YOU`). */
  | 'block'
  /** Every request: a REQUIRE hit lifted by `NEEDS_ANALYSIS` (`INSURANCE_NEEDS_ANALYSIS`), unless the step is in completedSteps. */
  | 'require'
  /** Answers after `slowMs`. */
  | 'slow'
  /** HTTP 500. */
  | 'status-500'
  /** HTTP 200 with a body that is not JSON. */
  | 'not-json'
  /** JSON of the wrong shape. */
  | 'wrong-shape'
  /** A hit with the outcome `MAYBE`. */
  | 'unknown-outcome'
  /** A hit whose code lacks the line's prefix. */
  | 'unprefixed'
  /** A prefixed code the contract does not list. */
  | 'unlisted';

/** One call the fake received. */
export interface PartnerCall {
  kind: 'contract' | 'evaluate' | 'other';
  body: string;
  headers: IncomingHttpHeaders;
  requests: { key: string; productCode: string; customer: Record<string, unknown>; sale: Record<string, unknown>; now?: string }[];
}

/** The facts the fake's contract declares (a subset of the host's vocabulary). */
export const FAKE_FACTS = [
  'customer.age',
  'customer.riskLevel',
  'customer.personalAnnualIncome',
  'sale.side',
  'sale.amount',
  'sale.channel',
  'sale.details.premiumMode',
  'sale.completedSteps',
];

const CONTRACT = {
  line: 'INSURANCE',
  facts: FAKE_FACTS,
  reasons: [
    { code: 'INSURANCE_ADVICE', outcome: 'WARN', step: null, messageZh: '请阅读条款：{product}', messageEn: 'Read the terms: {product}' },
    { code: 'INSURANCE_NOT_FOR_YOU', outcome: 'BLOCK', step: null, messageZh: '不适合：{product}', messageEn: 'Not suitable: {product}' },
    { code: 'INSURANCE_NEEDS_ANALYSIS', outcome: 'REQUIRE', step: 'NEEDS_ANALYSIS', messageZh: '须先做需求分析', messageEn: 'A needs analysis first' },
  ],
};

/** A partner subgraph stand-in on 127.0.0.1: records every call and answers as `mode` says. */
export class FakePartner {
  mode: PartnerMode = 'warn';
  slowMs = 1500;
  /** When set, the contract answer (to test what the host refuses). */
  contract: unknown = { suitabilityContract: CONTRACT };
  readonly calls: PartnerCall[] = [];
  #server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.#server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => void this.#answer(body, req.headers, res));
    });
    await new Promise<void>((r) => this.#server!.listen(0, '127.0.0.1', () => r()));
    this.url = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}/graphql`;
    return this;
  }

  evaluateCalls(): PartnerCall[] {
    return this.calls.filter((c) => c.kind === 'evaluate');
  }

  async #answer(body: string, headers: IncomingHttpHeaders, res: import('node:http').ServerResponse): Promise<void> {
    const parsed = JSON.parse(body) as { query: string; variables?: { requests?: PartnerCall['requests'] } };
    const kind = parsed.query.includes('suitabilityContract') ? 'contract' : parsed.query.includes('evaluateSuitability') ? 'evaluate' : 'other';
    const requests = parsed.variables?.requests ?? [];
    this.calls.push({ kind, body, headers, requests });
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(typeof value === 'string' ? value : JSON.stringify(value));
    };
    if (kind === 'contract') return json(200, { data: this.contract });
    if (kind !== 'evaluate') return json(400, { errors: [{ message: 'unknown query' }] });
    const hit = (code: string, outcome: string, product: string) => ({ code, outcome, messageZh: `不适合：${product}`, messageEn: `Not suitable: ${product}` });
    const answer = (hits: (r: PartnerCall['requests'][number]) => unknown[]) =>
      json(200, { data: { evaluateSuitability: requests.map((r) => ({ key: r.key, hits: hits(r) })) } });
    switch (this.mode) {
      case 'warn':
        return answer((r) => [
          { code: 'INSURANCE_ADVICE', outcome: 'WARN', messageZh: `请阅读条款：${r.productCode}`, messageEn: `Read the terms: ${r.productCode}` },
        ]);
      case 'block':
        return answer((r) => [hit('INSURANCE_NOT_FOR_YOU', 'BLOCK', r.productCode)]);
      case 'require':
        return answer((r) =>
          ((r.sale.completedSteps as string[] | undefined) ?? []).includes('NEEDS_ANALYSIS')
            ? []
            : [{ code: 'INSURANCE_NEEDS_ANALYSIS', outcome: 'REQUIRE', messageZh: '须先做需求分析', messageEn: 'A needs analysis first' }],
        );
      case 'slow':
        await new Promise((r) => setTimeout(r, this.slowMs));
        if (res.destroyed) return;
        return answer(() => []);
      case 'status-500':
        return json(500, { errors: [{ message: 'boom' }] });
      case 'not-json':
        return json(200, '<html>gateway error</html>');
      case 'wrong-shape':
        return json(200, { data: { evaluateSuitability: { key: '0' } } });
      case 'unknown-outcome':
        return answer((r) => [hit('INSURANCE_NOT_FOR_YOU', 'MAYBE', r.productCode)]);
      case 'unprefixed':
        return answer((r) => [hit('NOT_FOR_YOU', 'BLOCK', r.productCode)]);
      case 'unlisted':
        return answer((r) => [hit('INSURANCE_SOMETHING_NEW', 'BLOCK', r.productCode)]);
    }
  }

  async stop(): Promise<void> {
    const s = this.#server;
    if (!s) return;
    await new Promise<void>((r) => {
      s.close(() => r());
      s.closeAllConnections();
    });
  }
}
