import { z } from 'zod';
import type { HostContext } from '../graphql/context.js';
import { currentRequestScope } from '../http/request-scope.js';
import { isOutcome } from '../sdk/contract/suitability.js';
import { reasonPrefix } from './contract.js';
import { wireRequest, type EvaluationSubject } from './facts.js';
import { postGraphQL, RemoteCallError, type CallHeaders, type RemoteProblem } from './http.js';
import type { RemoteLine } from './remote-line.js';

/** One reason a remote line gave, as the host checked it: a code of the line's contract, with the partner's messages. */
export interface RemoteHit {
  code: string;
  messageZh: string;
  messageEn: string;
}

/** A remote line's answer for one product: its hits, or why there is none (the product then BLOCKs with RULE_ERROR). */
export type RemoteVerdict = { ok: true; hits: RemoteHit[] } | { ok: false; problem: RemoteProblem };

/** The batched evaluation call: every (customer, product, sale) of a request for one line, in one request. */
export const EVALUATE_QUERY =
  'query FinmartEvaluateSuitability($requests: [SuitabilityRequest!]!) { evaluateSuitability(requests: $requests) { key hits { code outcome messageZh messageEn } } }';

const answerSchema = z.object({
  evaluateSuitability: z
    .array(
      z.object({
        key: z.string().max(20),
        hits: z
          .array(z.object({ code: z.string().max(100), outcome: z.string().max(20), messageZh: z.string().max(2000), messageEn: z.string().max(2000) }))
          .max(100),
      }),
    )
    .max(1000),
});

/** What the host forwards with a call: the caller's own bearer token (each subgraph verifies it), request id, language. */
function callHeaders(ctx: HostContext): CallHeaders {
  return { authorization: currentRequestScope()?.authorization, requestId: ctx.requestId, lang: ctx.lang };
}

/**
 * The verdict of `line` for one decision. Every call made in the same tick of a request — an eligibility list of
 * many products, a page of customers — goes out as one HTTP request (a per-request DataLoader per line). Never
 * rejects: a failure is a verdict `{ ok: false }`.
 */
export function askRemoteLine(ctx: HostContext, line: RemoteLine, subject: EvaluationSubject): Promise<RemoteVerdict> {
  return ctx
    .loader<EvaluationSubject, RemoteVerdict>(`remote-line.${line.code}`, (subjects) => evaluateBatch(ctx, line, subjects))
    .load(subject)
    .catch((): RemoteVerdict => ({ ok: false, problem: 'network' }));
}

/** Checks one key's hits against the line's prefix and contract; the first problem fails that key only. */
function verdictOf(line: RemoteLine, hits: z.infer<typeof answerSchema>['evaluateSuitability'][number]['hits']): RemoteVerdict {
  const reasons = line.reasons();
  const out: RemoteHit[] = [];
  for (const h of hits) {
    if (!isOutcome(h.outcome)) return { ok: false, problem: 'outcome' };
    if (!h.code.startsWith(reasonPrefix(line.line))) return { ok: false, problem: 'code' };
    const def = reasons[h.code];
    if (!def) {
      // The partner may have added a reason since the contract was read: read it again next time.
      line.forgetContract();
      return { ok: false, problem: 'code' };
    }
    // The contract fixes each code's outcome: an answer that disagrees is not trusted either way.
    if (def.outcome !== h.outcome) return { ok: false, problem: 'outcome' };
    out.push({ code: h.code, messageZh: h.messageZh, messageEn: h.messageEn });
  }
  return { ok: true, hits: out };
}

async function evaluateBatch(ctx: HostContext, line: RemoteLine, subjects: readonly EvaluationSubject[]): Promise<RemoteVerdict[]> {
  const started = Date.now();
  const failAll = (problem: RemoteProblem, status?: number): RemoteVerdict[] => {
    // Kinds and counts only: never a fact, a customer or the partner's own message.
    ctx.log.warn({ remoteLine: line.code, problem, status, requests: subjects.length, ms: Date.now() - started }, 'remote line suitability call failed');
    return subjects.map(() => ({ ok: false, problem }));
  };
  try {
    const headers = callHeaders(ctx);
    const contract = await line.contract(headers);
    // Opaque keys: the position in this batch, nothing that identifies the customer.
    const requests = subjects.map((s, i) => ({ key: String(i), ...wireRequest(contract.facts, s) }));
    const data = await postGraphQL(line.url, EVALUATE_QUERY, { requests }, line.timeoutMs, headers);
    const parsed = answerSchema.safeParse(data);
    if (!parsed.success) return failAll('malformed');
    const byKey = new Map<string, (typeof parsed.data.evaluateSuitability)[number]['hits']>();
    for (const answer of parsed.data.evaluateSuitability) {
      if (byKey.has(answer.key)) return failAll('malformed');
      byKey.set(answer.key, answer.hits);
    }
    const verdicts = requests.map((r): RemoteVerdict => {
      const hits = byKey.get(r.key);
      return hits ? verdictOf(line, hits) : { ok: false, problem: 'missing' };
    });
    const failed = verdicts.filter((v) => !v.ok);
    if (failed.length)
      ctx.log.warn(
        { remoteLine: line.code, problem: (failed[0] as { problem: RemoteProblem }).problem, failed: failed.length, requests: subjects.length },
        'remote line verdicts refused',
      );
    return verdicts;
  } catch (e) {
    if (e instanceof RemoteCallError) return failAll(e.problem, e.status);
    ctx.log.error({ remoteLine: line.code, err: e }, 'remote line suitability call failed unexpectedly');
    return subjects.map(() => ({ ok: false, problem: 'malformed' }));
  }
}
