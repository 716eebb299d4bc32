import { text, type SuitabilityRule } from '../../../src/sdk/index.js';
import { directionOf, isExchange, readForexDetails } from '../domain.js';

/** A customer on the split-purchase watch list loses the facilitation channel (buying and selling). */
export const forexWatchList: SuitabilityRule = {
  id: 'forex.watch-list',
  version: '1.0.0',
  lines: ['FOREX'],
  regulation: text(
    '《关于进一步完善个人结售汇业务管理的通知》（汇发〔2015〕49号）“关注名单”管理：关注期内不享有便利化额度',
    'SAFE notice on individual FX sales and purchases (Huifa [2015] No. 49), watch list: no facilitation quota while listed',
  ),
  description: text('拆分购汇关注名单客户不得通过便利化渠道结售汇', 'Customers on the split-purchase watch list cannot use the facilitation channel'),
  reasons: {
    SPLIT_PURCHASE_WATCH_LIST: {
      outcome: 'BLOCK',
      message: text(
        '客户在拆分结售汇关注名单内，不能通过便利化渠道办理，须凭真实交易材料在柜台按规定办理',
        'The customer is on the split-transaction watch list: no facilitation channel; genuine-transaction documents at the counter only',
      ),
    },
  },
  evaluate(facts) {
    const d = readForexDetails(facts.product.details);
    if (!isExchange(d.kind) || !facts.customer.fxWatchList) return [];
    return [{ code: 'SPLIT_PURCHASE_WATCH_LIST', saw: { fxWatchList: true, direction: directionOf(facts.sale.side) } }];
  },
};
