import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { requireRole } from '../../auth/guards.js';
import { badInput } from '../../graphql/errors.js';
import { numericIdOf, toGlobalId } from '../../graphql/relay/global-id.js';
import { text } from '../../i18n/localized.js';
import { identifyCustomer } from './identify.js';
import { CustomerIdentification, IdentifyCustomerInput } from './identify.types.js';

/** Whose record an alert's subject is, by kind (LINE_ITEM: the line's own subject type). */
const SUBJECT_TYPE: Record<string, string> = {
  RISK_ASSESSMENT_EXPIRED: 'Customer',
  RISK_ASSESSMENT_EXPIRING: 'Customer',
  COMPLAINT_OPEN: 'Complaint',
  COOLING_OFF_ENDING: 'Order',
  PRODUCT_MATURING: 'Holding',
  BIRTHDAY: 'Customer',
  BUNDLE_OFFER: 'Bundle',
};

@Resolver()
export class IdentifyCustomerResolver {
  @Mutation(() => CustomerIdentification, {
    description:
      '网点客户识别: branch staff (relationship managers, branch managers) at their own branch identify the person at the counter from the ID or the bank card presented — tier, assigned manager, ' +
      'queue lane (core.counter.fastLaneTiers) and the alerts worth saying. Any customer of the bank is identified, with this counter view only. An unknown ID gives identified: false ' +
      "and nothing else. Audited as CUSTOMER_IDENTIFIED (purpose BRANCH_COUNTER); an identified visit appears in the assigned manager's work queue (CUSTOMER_AT_BRANCH).",
  })
  async identifyCustomer(
    @Arg('input', () => IdentifyCustomerInput, { description: "The ID or card presented and the counter's branch." }) input: IdentifyCustomerInput,
    @Ctx() ctx: HostContext,
  ): Promise<CustomerIdentification> {
    requireRole(ctx, 'RELATIONSHIP_MANAGER', 'BRANCH_MANAGER');
    const branchId = numericIdOf(input.branchId, 'Branch');
    if (branchId === null) throw badInput(text('网点编号无效', 'Not a branch id'), 'branchId');
    const byCard = input.cardNumber != null;
    if (byCard === (input.idType != null || input.idNumber != null)) {
      throw badInput(
        text('请提供证件（类型和号码）或银行卡号，二者取一', 'Give an ID (idType and idNumber) or a card number, one of the two'),
        byCard ? 'cardNumber' : 'idNumber',
      );
    }
    if (!byCard && (input.idType == null || input.idNumber == null))
      throw badInput(text('证件类型和号码须同时提供', 'idType and idNumber go together'), input.idType == null ? 'idType' : 'idNumber');
    const r = await identifyCustomer(
      ctx,
      byCard ? { cardNumber: input.cardNumber!, branchId } : { idType: input.idType!, idNumber: input.idNumber!, branchId },
    );
    if (!r.identified) {
      return {
        identified: false,
        message: ctx.t(text('不是本行客户', 'Not a customer of the bank')),
        customerId: null,
        name: null,
        tier: null,
        manager: null,
        queuePriority: null,
        alerts: [],
      };
    }
    const lane = r.queuePriority === 'FAST_LANE' ? text('请走贵宾通道', 'fast lane') : text('普通队列', 'standard queue');
    const manager = r.manager ? text(`，客户经理 ${r.manager.name}`, `, manager ${r.manager.name}`) : text('，暂无客户经理', ', no manager assigned');
    return {
      identified: true,
      message: ctx.t(
        text(`${r.customer.name}，${r.tier} 客户${manager['zh-CN']}；${lane['zh-CN']}`, `${r.customer.name}, ${r.tier} customer${manager.en}; ${lane.en}`),
      ),
      customerId: toGlobalId('Customer', r.customer.id),
      name: r.customer.name,
      tier: r.tier,
      manager: r.manager,
      queuePriority: r.queuePriority,
      alerts: r.alerts.map((a) => ({ kind: a.kind, message: ctx.t(a.message), dueAt: a.dueAt, subjectId: toGlobalId(SUBJECT_TYPE[a.kind]!, a.subjectId) })),
    };
  }
}
