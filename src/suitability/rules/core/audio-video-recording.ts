import { text } from '../../../i18n/localized.js';
import type { SaleChannel, SuitabilityRule } from '../../../sdk/contract/suitability.js';
import { CHANNEL_LABELS, labelParams, REGIME_LABELS } from './labels.js';

/**
 * In-branch purchases of wealth and fund/securities products are recorded on
 * audio and video (双录). Which channels count as in-branch is the bank setting
 * `core.counterRecordingChannels`.
 */
export const audioVideoRecording: SuitabilityRule = {
  id: 'core.audio-video-recording',
  version: '1.0.0',
  reads: ['core.counterRecordingChannels'],
  regulation: text(
    '《银行业金融机构销售专区录音录像管理暂行规定》（银监办发〔2017〕110号）',
    'Interim Provisions on Audio-Video Recording in Sales Zones of Banking Institutions (CBRC General Office, Yinjianbanfa [2017] No. 110)',
  ),
  description: text('网点销售理财及代销产品须录音录像（双录）', 'In-branch sales of wealth and agency products are recorded on audio and video'),
  reasons: {
    IN_BRANCH_RECORDING: {
      outcome: 'REQUIRE',
      step: 'AUDIO_VIDEO_RECORDING',
      message: text(
        '在{channelZh}（{channel}）销售{regimeZh}须同步录音录像（双录）',
        'Selling a {regimeEn} at the {channelEn} ({channel}) needs audio-video recording',
      ),
    },
  },
  evaluate(facts, ctx) {
    const { product, sale } = facts;
    if (sale.side !== 'BUY' || (product.regime !== 'WEALTH' && product.regime !== 'SECURITIES')) return [];
    const channels = ctx.settings.get<SaleChannel[]>('core.counterRecordingChannels');
    if (!channels.includes(sale.channel)) return [];
    return [
      {
        code: 'IN_BRANCH_RECORDING',
        params: {
          channel: sale.channel,
          ...labelParams('channel', CHANNEL_LABELS, sale.channel),
          ...labelParams('regime', REGIME_LABELS, product.regime),
        },
        saw: { channel: sale.channel, regime: product.regime, recordingChannels: channels },
      },
    ];
  },
};
