import { Field, InputType, ObjectType, ID } from 'type-graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import type { Lang } from '../i18n/localized.js';
import { DateTimeScalar, DecimalScalar } from '../graphql/scalars.js';
import { InitiatorEnum, SaleChannelEnum, SuitabilityOutcomeEnum } from '../domain/common/enums.js';
import type { SuitabilityDecisionRecord } from '../sdk/contract/suitability.js';

@ObjectType('SuitabilityReason', { description: 'One reason behind a suitability decision.' })
export class SuitabilityReasonType {
  @Field(() => String, { description: 'Stable reason code, e.g. ABOVE_RISK_LEVEL_SIGNED_WARNING.' }) code!: string;
  @Field(() => SuitabilityOutcomeEnum, { description: 'What this reason alone would make of the sale.' }) outcome!: string;
  @Field(() => String, { description: 'In the request language.' }) message!: string;
  @Field(() => String, { description: "The rule that gave it, e.g. core.risk-matching or a plugin's rule (prefixed with its code)." }) ruleId!: string;
  @Field(() => String, { description: "The rule's version (semver) when it was evaluated." }) ruleVersion!: string;
  @Field(() => String, { description: '`core` or the plugin code.' }) source!: string;
  @Field(() => String, { description: 'The regulation or house rule, in the request language.' }) regulation!: string;
  @Field(() => GraphQLJSONObject, { description: 'The facts the rule read.' }) facts!: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: 'For REQUIRE: the step that lifts it.' }) step!: string | null;
  @Field(() => Boolean, { description: 'For REQUIRE: the step is already recorded.' }) satisfied!: boolean;
}

@ObjectType('SuitabilityDecision', { description: 'The strictest outcome of every applicable rule, with every reason.' })
export class SuitabilityDecisionType {
  @Field(() => SuitabilityOutcomeEnum, { description: '适当性结论 / The strictest outcome of the reasons (ALLOW when there are none).' }) outcome!: string;
  @Field(() => [SuitabilityReasonType], { description: 'Every reason any applicable rule gave.' }) reasons!: SuitabilityReasonType[];
  @Field(() => [String], { description: 'Steps this sale needs, e.g. SPECIAL_RISK_WARNING_SIGNED, AUDIO_VIDEO_RECORDING.' })
  requiredSteps!: string[];
  @Field(() => [String], { description: 'Required steps not recorded yet.' }) missingSteps!: string[];
  @Field(() => DateTimeScalar, { description: 'When the rules were evaluated.' }) evaluatedAt!: Date;
  @Field(() => GraphQLJSONObject, { description: 'Rule id → version, as evaluated.' }) ruleVersions!: Record<string, string>;
}

/** The API shape of a decision, in one language. */
export function presentDecision(d: SuitabilityDecisionRecord, lang: Lang): SuitabilityDecisionType {
  return {
    outcome: d.outcome,
    reasons: d.reasons.map((r) => ({
      code: r.code,
      outcome: r.outcome,
      message: r.message[lang],
      ruleId: r.ruleId,
      ruleVersion: r.ruleVersion,
      source: r.source,
      regulation: r.regulation[lang],
      facts: r.facts,
      step: r.step,
      satisfied: r.satisfied,
    })),
    requiredSteps: d.requiredSteps,
    missingSteps: d.missingSteps,
    evaluatedAt: new Date(d.evaluatedAt),
    ruleVersions: d.ruleVersions,
  };
}

@InputType('SuitabilityInput', { description: 'A sale to check. Pure: checking writes nothing.' })
export class SuitabilityInput {
  @Field(() => ID, { description: "The customer (in the caller's scope)." }) customerId!: string;
  @Field(() => ID, { description: 'The product.' }) productId!: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'The amount, in the product currency; omitted: the rules that need an amount are not judged.' })
  amount?: string | null;
  @Field(() => String, { nullable: true, description: 'Defaults to the product currency.' }) currency?: string | null;
  @Field(() => SaleChannelEnum, { defaultValue: 'COUNTER', description: 'Where the sale would be made (default COUNTER).' }) channel!: string;
  @Field(() => InitiatorEnum, { defaultValue: 'CUSTOMER', description: 'Who would initiate it (default CUSTOMER).' }) initiator!: string;
  @Field(() => String, { defaultValue: 'BUY', description: 'BUY (purchase) or SELL (redemption).' }) side!: string;
  @Field(() => [String], { defaultValue: [], description: 'Steps already recorded.' }) completedSteps!: string[];
  @Field(() => GraphQLJSONObject, {
    nullable: true,
    description:
      'Per-line sale terms as the line declares them (FX purpose, insurance premiumMode/paymentYears, sip…); any other key → BAD_USER_INPUT. ' +
      'Sizes (units, grams, fxAmount, usdAmount, premium, initialDeposit) are computed by the server from the amount; stated without an amount they size a preview; ' +
      'stated with one they must match it within a rounding step.',
  })
  details?: Record<string, unknown> | null;
}
