import type { RegisteredRule } from '../suitability/engine.js';
import type { Outcome, RuleHit, SettingsReader, SuitabilityFacts } from '../suitability/types.js';

const RANK: Readonly<Record<string, number>> = { ALLOW: 0, WARN: 1, REQUIRE: 2, BLOCK: 3 };
const BY_RANK: readonly Outcome[] = ['ALLOW', 'WARN', 'REQUIRE', 'BLOCK'];
const NONE: readonly RuleHit[] = [];
const RULE_ERROR: readonly RuleHit[] = [{ code: 'RULE_ERROR', saw: {} }];

/** A decision reduced to what the impact report compares: the outcome and the reason codes. */
export interface Verdict {
  outcome: Outcome;
  codes: Set<string>;
}

/**
 * Judges one customer × product as the rules stand and as proposed, in one pass: each rule runs once with a
 * settings reader that notes whether it read a setting the proposal changes; only those rules run a second
 * time, under the proposed settings (a rule that read nothing changed says the same). Rules switched on or off
 * count on their side only. Outcomes and codes follow the engine exactly (a rule that throws is BLOCK
 * RULE_ERROR; a code's outcome is its reason's) — the impact tests compare this with the engine through the API.
 */
export class DeltaJudge {
  private readonly plans = new Map<string, RegisteredRule[]>();
  private touched = false;
  private readonly tracking: SettingsReader;

  constructor(
    private readonly all: readonly RegisteredRule[],
    private readonly currentOff: ReadonlySet<string>,
    private readonly proposedOff: ReadonlySet<string>,
    current: SettingsReader,
    private readonly proposed: SettingsReader,
    changedKeys: ReadonlySet<string>,
  ) {
    this.tracking = {
      get: <T>(key: string): T => {
        if (changedKeys.has(key)) this.touched = true;
        return current.get<T>(key);
      },
      version: current.version,
    };
  }

  private plan(line: string): RegisteredRule[] {
    let p = this.plans.get(line);
    if (!p) {
      p = this.all.filter((r) => (!r.rule.lines || r.rule.lines.includes(line)) && !(this.currentOff.has(r.rule.id) && this.proposedOff.has(r.rule.id)));
      this.plans.set(line, p);
    }
    return p;
  }

  private run(r: RegisteredRule, facts: SuitabilityFacts, settings: SettingsReader, now: Date): readonly RuleHit[] {
    try {
      return r.rule.evaluate(facts, { settings, now });
    } catch {
      return RULE_ERROR;
    }
  }

  judge(facts: SuitabilityFacts, now: Date): { before: Verdict; after: Verdict } {
    let rb = 0;
    let ra = 0;
    const cb = new Set<string>();
    const ca = new Set<string>();
    for (const r of this.plan(facts.product.line)) {
      const id = r.rule.id;
      this.touched = false;
      const hitsB = this.run(r, facts, this.tracking, now);
      const inCurrent = !this.currentOff.has(id);
      const inProposed = !this.proposedOff.has(id);
      const hitsA = !inProposed ? NONE : this.touched ? this.run(r, facts, this.proposed, now) : hitsB;
      if (inCurrent) rb = Math.max(rb, this.fold(r, hitsB, cb));
      ra = Math.max(ra, this.fold(r, hitsA, ca));
    }
    return { before: { outcome: BY_RANK[rb]!, codes: cb }, after: { outcome: BY_RANK[ra]!, codes: ca } };
  }

  /** Adds the hits' codes; the strictest rank among them (an undocumented code or outcome fails closed, as the engine does). */
  private fold(r: RegisteredRule, hits: readonly RuleHit[], codes: Set<string>): number {
    let rank = 0;
    for (const h of hits) {
      const def = h.code === 'RULE_ERROR' ? { outcome: 'BLOCK' } : r.rule.reasons[h.code];
      const k = def ? RANK[def.outcome] : undefined;
      if (k === undefined) {
        codes.add('RULE_ERROR');
        return 3;
      }
      codes.add(h.code);
      if (k > rank) rank = k;
    }
    return rank;
  }
}
