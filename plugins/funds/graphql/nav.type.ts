import { Field, ObjectType } from 'type-graphql';
import { connectionTypes, DateScalar, DecimalScalar } from '../../../src/sdk/index.js';

/** One published net asset value. */
@ObjectType('FundNav', { description: '基金净值 / A published net asset value.' })
export class FundNav {
  @Field(() => DateScalar, { description: 'Valuation date (净值日期).' }) date!: string;
  @Field(() => DecimalScalar, { description: 'Unit NAV (单位净值).' }) nav!: string;
  @Field(() => DecimalScalar, { description: 'Accumulated NAV (累计净值): NAV plus distributions since inception.' })
  accumulatedNav!: string;
}

/** `FundNavConnection` / `FundNavEdge`. */
export const { Connection: FundNavConnection, Edge: FundNavEdge } = connectionTypes('FundNav', () => FundNav);
