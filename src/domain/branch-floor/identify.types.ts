import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { IdTypeEnum, TierEnum } from '../common/enums.js';
import { CustomerManager } from '../organisation/organisation.types.js';
import { COUNTER_ALERT_KINDS } from './counter-view.js';

export enum QueuePriorityEnum {
  FAST_LANE = 'FAST_LANE',
  STANDARD = 'STANDARD',
}
registerEnumType(QueuePriorityEnum, {
  name: 'QueuePriority',
  description: '网点排队通道 / The branch queue lane for an identified customer',
  valuesConfig: {
    FAST_LANE: { description: '贵宾通道: the tier is one setting core.counter.fastLaneTiers names.' },
    STANDARD: { description: 'The ordinary queue.' },
  },
});

export enum CounterAlertKindEnum {
  RISK_ASSESSMENT_EXPIRED = 'RISK_ASSESSMENT_EXPIRED',
  RISK_ASSESSMENT_EXPIRING = 'RISK_ASSESSMENT_EXPIRING',
  COMPLAINT_OPEN = 'COMPLAINT_OPEN',
  COOLING_OFF_ENDING = 'COOLING_OFF_ENDING',
  PRODUCT_MATURING = 'PRODUCT_MATURING',
  BIRTHDAY = 'BIRTHDAY',
  BUNDLE_OFFER = 'BUNDLE_OFFER',
}
// The enum and the list the service orders alerts by must not drift apart.
if (Object.keys(CounterAlertKindEnum).join() !== COUNTER_ALERT_KINDS.join()) throw new Error('CounterAlertKindEnum and COUNTER_ALERT_KINDS differ');
registerEnumType(CounterAlertKindEnum, {
  name: 'CounterAlertKind',
  description: '柜面提示类型 / What is worth saying at the counter about an identified customer',
  valuesConfig: {
    RISK_ASSESSMENT_EXPIRED: { description: 'The newest risk assessment has expired: no sale that needs one until the customer is reassessed.' },
    RISK_ASSESSMENT_EXPIRING: { description: 'The newest risk assessment expires within core.workQueue.assessmentExpiringWithinDays.' },
    COMPLAINT_OPEN: { description: 'A complaint without feedback to the customer yet (overdue or not); one per complaint.' },
    COOLING_OFF_ENDING: { description: 'A pending order whose cooling-off period ends within core.workQueue.coolingOffEndingWithinHours.' },
    PRODUCT_MATURING: { description: 'An open position maturing within core.workQueue.productMaturingWithinDays.' },
    BIRTHDAY: { description: 'The birthday falls within core.counter.birthdayWithinDays (today included).' },
    BUNDLE_OFFER: {
      description:
        'A bundle to mention: the first on offer (by id) whose target segment the customer is in; its items are judged when it is offered (Customer.bundleOffers) or ordered. `subjectId` is the Bundle.',
    },
  },
});

@InputType({
  description:
    'What the customer presents at the counter — an ID (idType and idNumber) or a bank card (cardNumber), one of the two — and the branch whose counter it is.',
})
export class IdentifyCustomerInput {
  @Field(() => IdTypeEnum, { nullable: true, description: "The ID's type (with idNumber)." }) idType?: string | null;
  @Field(() => String, { nullable: true, description: 'As printed (spaces and a lower-case x are accepted).' }) idNumber?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'A card the bank issued, as read or typed (spaces and hyphens accepted; 13–19 digits with a valid check digit). Never stored or logged: looked up by its keyed hash.',
  })
  cardNumber?: string | null;
  @Field(() => ID, { description: "The caller's own branch." }) branchId!: string;
}

@ObjectType({ description: "One thing worth saying at the counter, in the caller's language." })
export class CounterAlert {
  @Field(() => CounterAlertKindEnum, { description: 'What the alert is about.' }) kind!: string;
  @Field(() => String, { description: "What to say, in the caller's language." }) message!: string;
  @Field(() => DateTimeScalar, { description: 'When it falls due (the birthday, the maturity, the end of the cooling-off…); now for an offer.' }) dueAt!: Date;
  @Field(() => ID, { description: 'What it is about: the Customer, Complaint, Order, Holding or Bundle (global id).' }) subjectId!: string;
}

@ObjectType({ description: '网点客户识别 / Who is at the counter: only what the counter needs, never the customer 360.' })
export class CustomerIdentification {
  @Field(() => Boolean, { description: 'False for an ID that is no customer of the bank (nothing more is said about it).' }) identified!: boolean;
  @Field(() => String, { description: 'A line for the counter: the greeting and lane, or that the person is not a customer.' }) message!: string;
  @Field(() => ID, { nullable: true, description: "The Customer (global id); reading its 360 still needs it to be in the caller's book." }) customerId!:
    string | null;
  @Field(() => String, { nullable: true, description: 'The name on the ID presented, to greet the customer.' }) name!: string | null;
  @Field(() => TierEnum, { nullable: true, description: 'The tier under core.tierBasis, on the valuation snapshot (as the tier filter).' }) tier!:
    string | null;
  @Field(() => CustomerManager, { nullable: true, description: 'The assigned manager, to call them over; null when none is assigned.' }) manager!: unknown;
  @Field(() => QueuePriorityEnum, {
    nullable: true,
    description: 'The queue lane: FAST_LANE for the tiers core.counter.fastLaneTiers names; null when not identified.',
  })
  queuePriority!: string | null;
  @Field(() => [CounterAlert], { description: 'In reading order: assessment, complaints, cooling-off, maturities, birthday, offer.' }) alerts!: CounterAlert[];
}
