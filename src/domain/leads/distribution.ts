import type { LocalizedText } from '../../i18n/localized.js';
import { text } from '../../i18n/localized.js';
import type { LeadIndustries } from './lead.settings.js';
import type { LeadStrategy } from './lead.enums.js';

/**
 * The assignment step of distributeLeads, pure and deterministic: given the
 * leads, the candidate managers (with their branch, industries and current
 * load) and each lead's branches by distance (computed in SQL, set-based),
 * decide who gets what. No I/O here: the caller reads the inputs in two
 * statements and writes the result in three, whatever the number of leads.
 *
 * Order: the most valuable leads choose first (then by id), so when capacity
 * runs out it is the small leads that wait. Ties between managers: fewer open
 * leads, then lower id.
 */

export interface PoolLead {
  id: number;
  managerId: number | null;
  stage: string;
  industry: string;
  estimatedValue: number;
  /** Branches by distance, nearest first, with the distance in km (3 decimals; shown to 1). */
  nearest: { branchId: number; km: number }[];
}

export interface Candidate {
  id: number;
  branchId: number;
  industries: string[];
  /** Open leads held now. */
  load: number;
}

export interface Decision {
  leadId: number;
  /** The holder after distribution; null: published (CLAIM_FIRST) or left in the pool. */
  managerId: number | null;
  /** Whether the lead moves (assigned or published); false: reported only. */
  moves: boolean;
  reason: LocalizedText;
}

const km = (d: number) => `${d.toFixed(1)} km`;

/** Decides every lead; `capacity` caps the open leads a manager holds after it. */
export function decide(leads: PoolLead[], managers: Candidate[], strategy: LeadStrategy, capacity: number, industries: LeadIndustries): Decision[] {
  const load = new Map(managers.map((m) => [m.id, m.load]));
  const byBranch = new Map<number, Candidate[]>();
  for (const m of [...managers].sort((a, b) => a.id - b.id)) byBranch.set(m.branchId, [...(byBranch.get(m.branchId) ?? []), m]);
  const free = (m: Candidate) => load.get(m.id)! < capacity;
  const lightest = (ms: Candidate[]) => ms.filter(free).sort((a, b) => load.get(a.id)! - load.get(b.id)! || a.id - b.id)[0];
  const covers = (m: Candidate, industry: string) => m.industries.includes(industry);
  const industryName = (code: string) => industries[code] ?? { zh: code, en: code };
  const distanceTo = (l: PoolLead, branchId: number) => l.nearest.find((n) => n.branchId === branchId)?.km ?? Number.POSITIVE_INFINITY;

  const order = [...leads].sort((a, b) => b.estimatedValue - a.estimatedValue || a.id - b.id);
  const decisions = new Map<number, Decision>();
  for (const l of order) {
    if (l.managerId !== null) {
      decisions.set(l.id, {
        leadId: l.id,
        managerId: l.managerId,
        moves: false,
        reason: text('已被领认，保持不变（优先领认）', 'already held: the claim stands (first claim)'),
      });
      continue;
    }
    if (l.stage !== 'COLLECTED' && l.stage !== 'DISTRIBUTED') {
      decisions.set(l.id, {
        leadId: l.id,
        managerId: null,
        moves: false,
        reason: text(`线索为 ${l.stage}，不再分配`, `the lead is ${l.stage}: not distributed`),
      });
      continue;
    }
    const name = industryName(l.industry);
    let chosen: Candidate | undefined;
    let reason: LocalizedText;
    if (strategy === 'CLAIM_FIRST') {
      decisions.set(l.id, {
        leadId: l.id,
        managerId: null,
        moves: l.stage === 'COLLECTED',
        reason: text('已发布，待客户经理领认（优先领认）', 'published: the first manager to claim it gets it'),
      });
      continue;
    } else if (strategy === 'INDUSTRY') {
      const covering = managers.filter((m) => covers(m, l.industry) && free(m));
      chosen = covering.sort((a, b) => load.get(a.id)! - load.get(b.id)! || distanceTo(l, a.branchId) - distanceTo(l, b.branchId) || a.id - b.id)[0];
      reason = chosen
        ? text(`行业归类：${name.zh}`, `industry: ${name.en}`)
        : managers.some((m) => covers(m, l.industry))
          ? text(`行业归类：${name.zh} 的客户经理已满额`, `industry: every manager covering ${name.en} is at capacity`)
          : text(`行业归类：无客户经理负责 ${name.zh}`, `industry: no manager covers ${name.en}`);
    } else {
      // NEAREST and COMBINED walk the branches nearest first, to the first with room.
      reason = text('所有客户经理均已满额', 'every manager is at capacity');
      for (const n of l.nearest) {
        const here = byBranch.get(n.branchId) ?? [];
        if (strategy === 'COMBINED') {
          const covering = lightest(here.filter((m) => covers(m, l.industry)));
          chosen = covering ?? lightest(here);
          if (chosen) {
            reason = covering
              ? text(`就近：${km(n.km)}；行业归类：${name.zh}`, `nearest: ${km(n.km)}; industry: ${name.en}`)
              : text(`就近：${km(n.km)}；该网点无空余的 ${name.zh} 客户经理`, `nearest: ${km(n.km)}; no manager there with room covers ${name.en}`);
          }
        } else {
          chosen = lightest(here);
          if (chosen) reason = text(`就近：${km(n.km)}`, `nearest: ${km(n.km)}`);
        }
        if (chosen) break;
      }
    }
    if (chosen) load.set(chosen.id, load.get(chosen.id)! + 1);
    decisions.set(l.id, { leadId: l.id, managerId: chosen?.id ?? null, moves: chosen !== undefined, reason });
  }
  // In the order the caller listed them.
  return leads.map((l) => decisions.get(l.id)!);
}
