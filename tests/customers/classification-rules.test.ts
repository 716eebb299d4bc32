import { describe, expect, it } from 'vitest';
import { incomeBandOf, nextTierOf, riskAttitudeOf, sizeClassOf, tierFor } from '../../src/domain/customers/classification.js';
import { marginOf } from '../../src/domain/customers/contribution.js';
import { coreSettings } from '../../src/settings/core-settings.js';
import type { SettingsReader } from '../../src/sdk/contract/suitability.js';

/** The core defaults with some values overridden. */
const settings = (overrides: Record<string, unknown> = {}): SettingsReader => ({
  get: <T>(key: string) => (key in overrides ? overrides[key] : coreSettings.find((d) => d.key === key)!.default) as T,
});
const m = (assetsCny: string, contributionCny = '0') => ({ assetsCny, contributionCny });

describe('classification rules at their boundaries (default settings)', () => {
  it('risk attitude: C1–C2 conservative, C3 balanced, C4–C5 aggressive, never assessed null', () => {
    expect(['C1', 'C2', 'C3', 'C4', 'C5', null].map(riskAttitudeOf)).toEqual(['CONSERVATIVE', 'CONSERVATIVE', 'BALANCED', 'AGGRESSIVE', 'AGGRESSIVE', null]);
  });

  it('income band: a threshold belongs to the band it opens', () => {
    const s = settings();
    expect(['1000000', '999999.99', '300000', '299999.99'].map((v) => incomeBandOf(v, s))).toEqual(['ULTRA_HIGH', 'MIDDLE_HIGH', 'MIDDLE_HIGH', 'GENERAL']);
  });

  it('size class: assets or volume reaching a threshold is enough', () => {
    const s = settings();
    expect(sizeClassOf('2000000', '0', s)).toBe('LARGE');
    expect(sizeClassOf('0', '1000000', s)).toBe('LARGE');
    expect(sizeClassOf('1999999.99', '999999.99', s)).toBe('MEDIUM');
    expect(sizeClassOf('200000', '0', s)).toBe('MEDIUM');
    expect(sizeClassOf('0', '100000', s)).toBe('MEDIUM');
    expect(sizeClassOf('199999.99', '99999.99', s)).toBe('SMALL');
  });

  it('tier by basis: the threshold itself reaches the tier; HIGHER takes the higher', () => {
    expect(tierFor(m('500000', '0'), settings())).toBe('PLATINUM');
    expect(tierFor(m('499999.99', '60000'), settings())).toBe('GOLD');
    expect(tierFor(m('499999.99', '60000'), settings({ 'core.tierBasis': 'CONTRIBUTION' }))).toBe('PRIVATE_BANKING');
    expect(tierFor(m('2000000', '4999.99'), settings({ 'core.tierBasis': 'HIGHER' }))).toBe('DIAMOND');
    expect(tierFor(m('0', '0'), settings({ 'core.tierBasis': 'HIGHER' }))).toBe('STANDARD');
  });

  it('next tier: gap to the next threshold, near within the share (inclusive), null at the top', () => {
    expect(nextTierOf(m('450000'), settings())).toEqual({ tier: 'PLATINUM', gap: '50000.00', basis: 'ASSETS', near: true });
    expect(nextTierOf(m('449999.99'), settings())).toEqual({ tier: 'PLATINUM', gap: '50000.01', basis: 'ASSETS', near: false });
    expect(nextTierOf(m('0'), settings())).toEqual({ tier: 'GOLD', gap: '50000.00', basis: 'ASSETS', near: false });
    expect(nextTierOf(m('6000000'), settings())).toBeNull();
    const amount = settings({ 'core.nearNextTier': { assetsCny: '1000', contributionCny: '10' }, 'core.tierBasis': 'HIGHER' });
    // Assets 1,001 short (not near), contribution 10 short of 500 (near): the gap reported is the smaller share.
    expect(nextTierOf(m('48999', '490'), amount)).toEqual({ tier: 'GOLD', gap: '10.00', basis: 'CONTRIBUTION', near: true });
  });

  it('interest margin: each position at its line’s rate, the default for lines not listed', () => {
    expect(
      marginOf(
        [
          { line: 'FOREX', amountCny: '10000' },
          { line: 'FUNDS', amountCny: '1000.50' },
        ],
        settings(),
      ),
    ).toBe('105.00'); // 100 + 5.0025
  });
});
