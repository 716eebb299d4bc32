import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProductRecord, RequestContext } from '../../../src/sdk/index.js';
import type { InsuranceDetailsRow } from '../schema.js';
import { InsuranceTypeEnum, PremiumModeEnum } from './enums.js';
import { detailsLoader, ratesLoader } from './loaders.js';
import { InsuranceProduct } from './product.type.js';
import { InsuranceRate } from './rate.type.js';

/** Every insurance product has a details row; a missing one is a data fault, not a null. */
async function details(p: ProductRecord, ctx: RequestContext): Promise<InsuranceDetailsRow> {
  const row = await detailsLoader(ctx).load(p.id);
  if (!row) throw new Error(`insurance_details row missing for product ${p.id}`);
  return row;
}

/** The insurance fields of `InsuranceProduct`, batched per request. */
@Resolver(() => InsuranceProduct)
export class InsuranceProductResolver {
  @FieldResolver(() => String)
  async insurer(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<string> {
    return (await details(p, ctx)).insurer;
  }

  @FieldResolver(() => InsuranceTypeEnum)
  async insuranceType(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<InsuranceTypeEnum> {
    return (await details(p, ctx)).insuranceType as InsuranceTypeEnum;
  }

  @FieldResolver(() => Boolean)
  async guaranteedBenefits(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await details(p, ctx)).guaranteed;
  }

  @FieldResolver(() => Int, { nullable: true })
  async coverTermYears(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<number | null> {
    return (await details(p, ctx)).coverTermYears;
  }

  @FieldResolver(() => [PremiumModeEnum])
  async premiumModes(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<PremiumModeEnum[]> {
    return (await details(p, ctx)).premiumModes as PremiumModeEnum[];
  }

  @FieldResolver(() => [Int])
  async paymentYearsOptions(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<number[]> {
    return (await details(p, ctx)).paymentYearsOptions;
  }

  @FieldResolver(() => Int)
  async insuredAgeMin(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<number> {
    return (await details(p, ctx)).insuredAgeMin;
  }

  @FieldResolver(() => Int)
  async insuredAgeMax(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<number> {
    return (await details(p, ctx)).insuredAgeMax;
  }

  @FieldResolver(() => Int)
  async coolingOffDays(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<number> {
    return (await details(p, ctx)).coolingOffDays;
  }

  @FieldResolver(() => Boolean)
  async providesDeathCover(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<boolean> {
    return (await details(p, ctx)).deathCover;
  }

  @FieldResolver(() => [InsuranceRate])
  async rateTable(@Root() p: ProductRecord, @Ctx() ctx: RequestContext): Promise<InsuranceRate[]> {
    const rows = await ratesLoader(ctx).load(p.id);
    return rows.map((r) => ({
      sex: r.sex,
      ageFrom: r.ageFrom,
      ageTo: r.ageTo,
      paymentYears: r.paymentYears,
      ratePerThousand: r.ratePer1000,
    }));
  }
}
