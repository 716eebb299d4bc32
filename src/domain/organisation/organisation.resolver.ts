import { Ctx, FieldResolver, Float, Resolver, Root, ID } from 'type-graphql';
import type { HostContext } from '../../graphql/context.js';
import { toGlobalId } from '../../graphql/relay/global-id.js';
import { branchLoader } from '../core-loaders.js';
import { Branch, CustomerManager, type BranchRow, type ManagerRow } from './organisation.types.js';

@Resolver(() => Branch)
export class BranchResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the Branch.' })
  id(@Root() b: BranchRow): string {
    return toGlobalId('Branch', b.id);
  }

  @FieldResolver(() => String)
  name(@Root() b: BranchRow, @Ctx() ctx: HostContext): string {
    return ctx.lang === 'en' ? b.nameEn : b.nameZh;
  }

  @FieldResolver(() => Float, { nullable: true })
  latitude(@Root() b: BranchRow): number | null {
    return b.latitude === null ? null : Number(b.latitude);
  }

  @FieldResolver(() => Float, { nullable: true })
  longitude(@Root() b: BranchRow): number | null {
    return b.longitude === null ? null : Number(b.longitude);
  }
}

@Resolver(() => CustomerManager)
export class CustomerManagerResolver {
  @FieldResolver(() => ID, { description: 'Opaque global id of the CustomerManager.' })
  id(@Root() m: ManagerRow): string {
    return toGlobalId('CustomerManager', m.id);
  }

  @FieldResolver(() => Branch)
  async branch(@Root() m: ManagerRow, @Ctx() ctx: HostContext): Promise<BranchRow> {
    return (await branchLoader(ctx).load(m.branchId))!;
  }
}
