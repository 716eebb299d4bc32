import { text, type LocalizedText, type SuitabilityRule } from '../../../src/sdk/index.js';
import { INSURANCE_LINE } from '../domain.js';
import { read } from '../settings.js';
import { productTerms } from './read-facts.js';
import { REGULATIONS, reasonParams } from './wording.js';

/**
 * 双录 (audio-video recording of the sale): personal insurance over one year
 * sold in the bank's branches, the same sold to a policyholder of 60 or over
 * through any channel, and investment-linked insurance always (Art. 6).
 */
export const recording: SuitabilityRule = {
  id: 'insurance.recording',
  version: '1.0.0',
  lines: [INSURANCE_LINE],
  regulation: REGULATIONS.traceability2017,
  description: text(
    '网点销售一年期以上人身保险、向 60 岁及以上投保人销售、销售投资连结保险须双录',
    'Audio-video recording for personal insurance over one year sold in branch or to policyholders 60+, and for investment-linked insurance',
  ),
  reasons: {
    INSURANCE_RECORDING: {
      outcome: 'REQUIRE',
      step: 'AUDIO_VIDEO_RECORDING',
      message: text('须对销售过程录音录像（双录）：{reasonZh}', 'The sale must be audio-video recorded: {reasonEn}'),
    },
  },
  evaluate(facts, ctx) {
    if (facts.sale.side !== 'BUY') return [];
    const product = productTerms(facts);
    const s = read(ctx.settings);
    const channels = s.recordingChannels();
    const seniorAge = s.recordingSeniorAge();
    const age = facts.customer.age;
    const longPersonalCover = product.lifeOrHealth && product.coverOverOneYear;
    const reasons: LocalizedText[] = [];
    if (longPersonalCover && channels.includes(facts.sale.channel)) {
      reasons.push(
        text(`在本行网点（${facts.sale.channel}）销售一年期以上人身保险`, `personal insurance over one year sold in branch (${facts.sale.channel})`),
      );
    }
    if (longPersonalCover && age >= seniorAge) {
      reasons.push(text(`投保人 ${age} 岁，达到 ${seniorAge} 岁`, `the policyholder is ${age}, ${seniorAge} or over`));
    }
    if (product.insuranceType === 'INVESTMENT_LINKED') reasons.push(text('投资连结保险', 'investment-linked insurance'));
    if (reasons.length === 0) return [];
    return [
      {
        code: 'INSURANCE_RECORDING',
        params: reasonParams(reasons),
        saw: {
          channel: facts.sale.channel,
          age,
          insuranceType: product.insuranceType,
          lifeOrHealth: product.lifeOrHealth,
          coverOverOneYear: product.coverOverOneYear,
          recordingChannels: channels,
          recordingSeniorAge: seniorAge,
        },
      },
    ];
  },
};
