import { REMOTE_LINE_RULE_ID } from '../remote-lines/rule.js';
import type { RegisteredRule } from '../suitability/engine.js';
import { mayRead, settingsForRule } from '../suitability/scoped-settings.js';
import type { CustomerFacts, Outcome, RuleHit, SettingsReader, SuitabilityFacts } from '../sdk/contract/suitability.js';

const RANK: Readonly<Record<string, number>> = { ALLOW: 0, WARN: 1, REQUIRE: 2, BLOCK: 3 };
const BY_RANK: readonly Outcome[] = ['ALLOW', 'WARN', 'REQUIRE', 'BLOCK'];
const NONE: readonly RuleHit[] = [];
const RULE_ERROR: readonly RuleHit[] = [{ code: 'RULE_ERROR', saw: {} }];

/** A decision reduced to what the impact report compares: the outcome and the reason codes. */
export interface Verdict {
  outcome: Outcome;
  codes: Set<string>;
}

/** What one rule said about one product, as the rules stand and as proposed, for every customer alike. */
interface SameForEveryone {
  before: readonly RuleHit[];
  after: readonly RuleHit[];
}

/** The rules judging one line: all of them, and which of them the proposal reaches (indices into `rules`). */
interface Plan {
  rules: RegisteredRule[];
  reached: number[];
  rest: number[];
}

/** Per product (as judged, with its sale and instant): per rule of its plan, undefined until probed, then the shared answer or null. */
interface ProductMemo {
  sale: SuitabilityFacts['sale'];
  now: string;
  rules: (SameForEveryone | null | undefined)[];
}

/**
 * Judges one customer × product as the rules stand and as proposed, in one pass: each rule runs once with a
 * settings reader that notes whether it read a setting the proposal changes; only those rules run a second
 * time, under the proposed settings (a rule that read nothing changed says the same). Rules switched on or off
 * count on their side only. Outcomes and codes follow the engine exactly (a rule that throws is BLOCK
 * RULE_ERROR; a code's outcome is its reason's) — the impact tests compare this with the engine through the API.
 *
 * Rules are pure functions of the facts, the settings and the instant (the engine's contract: no clock, no
 * I/O). So a rule that, for a product, reads nothing of the customer says the same for every customer: the
 * first evaluation of each rule × product runs against a customer that notes any read (a proxy); a rule that
 * made none is answered from memory for the rest of the book (the product's on-sale dates, trading hours,
 * wording — about a third of the rule runs of a full catalog). A judge serves one run: one instant, one sale
 * per product (compared by identity; another sale or instant is judged afresh).
 */
export class DeltaJudge {
  private readonly plans = new Map<string, Plan>();
  private readonly memo = new WeakMap<object, ProductMemo>();
  private touched = false;
  /** Per rule: the current settings (noting reads of a changed key) and the proposed ones, scoped as the engine scopes them. */
  private readonly readers = new Map<RegisteredRule, { current: SettingsReader; proposed: SettingsReader }>();
  private readonly tracking: SettingsReader;
  /** What each rule of the plan said on the pair being judged (reused from pair to pair). */
  private readonly said: (SameForEveryone | undefined)[] = [];
  /** Rule runs answered from memory (the customer-independent ones), for the run's figures. */
  shared = 0;
  /** Rule runs asked for (answered from memory or run), for the run's figures. */
  runs = 0;

  constructor(
    private readonly all: readonly RegisteredRule[],
    private readonly currentOff: ReadonlySet<string>,
    private readonly proposedOff: ReadonlySet<string>,
    current: SettingsReader,
    private readonly proposed: SettingsReader,
    private readonly changedKeys: ReadonlySet<string>,
  ) {
    this.tracking = {
      get: <T>(key: string): T => {
        if (changedKeys.has(key)) this.touched = true;
        return current.get<T>(key);
      },
      version: current.version,
    };
  }

  private settingsOf(r: RegisteredRule): { current: SettingsReader; proposed: SettingsReader } {
    let s = this.readers.get(r);
    if (!s) {
      s = { current: settingsForRule(this.tracking, r), proposed: settingsForRule(this.proposed, r) };
      this.readers.set(r, s);
    }
    return s;
  }

  /** Could the proposal change what this rule says? Only if it is switched on or off, or may read a changed setting. */
  private reached(r: RegisteredRule): boolean {
    if (this.currentOff.has(r.rule.id) !== this.proposedOff.has(r.rule.id)) return true;
    for (const key of this.changedKeys) if (mayRead(r, key)) return true;
    return false;
  }

  /**
   * Is this line judged by a partner (a remote line: `core.remote-line`)? Its partner's verdict is not part of a
   * preview: the run does not call partners, and what they answer does not depend on the bank's settings — it is
   * the same on both sides. So its products are judged on the bank's own rules alone: a pair that moves there moves
   * unless the partner refuses it on both sides anyway (the report names such lines, `partnerJudgedLines`).
   */
  partnerJudged(line: string): boolean {
    return this.all.some((r) => r.rule.id === REMOTE_LINE_RULE_ID && (!r.rule.lines || r.rule.lines.includes(line)));
  }

  private plan(line: string): Plan {
    let p = this.plans.get(line);
    if (!p) {
      const rules = this.all.filter(
        (r) =>
          (!r.rule.lines || r.rule.lines.includes(line)) &&
          !(this.currentOff.has(r.rule.id) && this.proposedOff.has(r.rule.id)) &&
          // Rebuilt facts carry no partner verdict: the rule would say RULE_ERROR on both sides and hide every move.
          r.rule.id !== REMOTE_LINE_RULE_ID,
      );
      const order = rules.map((_, i) => i);
      const reached = order.filter((i) => this.reached(rules[i]!));
      const rest = order.filter((i) => !this.reached(rules[i]!));
      p = { rules, reached, rest };
      this.plans.set(line, p);
    }
    return p;
  }

  /**
   * Can anything move for products of this line? Not when no rule judging them is switched or may read a
   * changed setting: the run skips those products (their verdicts are the same on both sides by construction).
   */
  mayMove(line: string): boolean {
    return this.plan(line).reached.length > 0;
  }

  private run(r: RegisteredRule, facts: SuitabilityFacts, settings: SettingsReader, now: Date): readonly RuleHit[] {
    try {
      return r.rule.evaluate(facts, { settings, now });
    } catch {
      return RULE_ERROR;
    }
  }

  /** The rule's hits before and after for these facts (the after side runs only when a changed setting was read). */
  private both(r: RegisteredRule, facts: SuitabilityFacts, now: Date): SameForEveryone {
    const settings = this.settingsOf(r);
    this.touched = false;
    const before = this.run(r, facts, settings.current, now);
    const after = this.proposedOff.has(r.rule.id) ? NONE : this.touched ? this.run(r, facts, settings.proposed, now) : before;
    return { before, after };
  }

  /** Runs the rule against a customer that notes every read; the answer is shared when it made none. */
  private probe(r: RegisteredRule, facts: SuitabilityFacts, now: Date): { hits: SameForEveryone; shared: SameForEveryone | null } {
    let read = false;
    const note = () => {
      read = true;
    };
    const watched = new Proxy(facts.customer, {
      get: (t, k, rcv) => (note(), Reflect.get(t, k, rcv)),
      has: (t, k) => (note(), Reflect.has(t, k)),
      ownKeys: (t) => (note(), Reflect.ownKeys(t)),
      getOwnPropertyDescriptor: (t, k) => (note(), Reflect.getOwnPropertyDescriptor(t, k)),
    }) as CustomerFacts;
    const hits = this.both(r, { customer: watched, product: facts.product, sale: facts.sale, now: facts.now }, now);
    return { hits, shared: read ? null : hits };
  }

  /** What rule `i` of the plan says on this pair, from memory when it says it alike for every customer. */
  private hitsOf(plan: Plan, memo: ProductMemo, i: number, facts: SuitabilityFacts, now: Date): SameForEveryone {
    this.runs++;
    const known = memo.rules[i];
    if (known) {
      this.shared++;
      return known;
    }
    if (known === null) return this.both(plan.rules[i]!, facts, now);
    const probed = this.probe(plan.rules[i]!, facts, now);
    memo.rules[i] = probed.shared;
    return probed.hits;
  }

  /** Does rule `r` say something different on the two sides (another code, or it is switched)? */
  private differs(r: RegisteredRule, hits: SameForEveryone): boolean {
    const before = this.currentOff.has(r.rule.id) ? NONE : hits.before;
    const after = hits.after;
    if (before === after) return false;
    if (before.length !== after.length) return true;
    for (let k = 0; k < before.length; k++) if (before[k]!.code !== after[k]!.code) return true;
    return false;
  }

  /**
   * The verdicts as the rules stand and as proposed, or null when they cannot differ. First only the rules
   * the proposal reaches run (switched ones, and those that may read a changed setting); when each says the
   * same codes on both sides, every other rule is untouched too and the pair does not move — most pairs of a
   * run, and that path allocates nothing. Otherwise the rest of the plan runs and both sides are folded.
   */
  judge(facts: SuitabilityFacts, now: Date): { before: Verdict; after: Verdict } | null {
    const plan = this.plan(facts.product.line);
    if (plan.reached.length === 0) return null;
    let memo = this.memo.get(facts.product);
    if (!memo || memo.sale !== facts.sale || memo.now !== facts.now) {
      memo = { sale: facts.sale, now: facts.now, rules: new Array(plan.rules.length) };
      this.memo.set(facts.product, memo);
    }
    const said = this.said;
    let differs = false;
    for (const i of plan.reached) {
      const hits = this.hitsOf(plan, memo, i, facts, now);
      said[i] = hits;
      if (!differs && this.differs(plan.rules[i]!, hits)) differs = true;
    }
    if (!differs) return null;
    for (const i of plan.rest) said[i] = this.hitsOf(plan, memo, i, facts, now);
    let rb = 0;
    let ra = 0;
    const cb = new Set<string>();
    const ca = new Set<string>();
    for (let i = 0; i < plan.rules.length; i++) {
      const r = plan.rules[i]!;
      const hits = said[i]!;
      if (!this.currentOff.has(r.rule.id)) rb = Math.max(rb, this.fold(r, hits.before, cb));
      ra = Math.max(ra, this.fold(r, hits.after, ca));
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
