import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { HostContext } from '../graphql/context.js';
import { heldOr } from '../controls/maker-checker/approval.types.js';
import { Bundle } from './bundle.types.js';
import { BundleDesignInput, RetireBundleInput, UpdateBundleInput } from './bundle-admin.types.js';
import { createBundle, retireBundle, updateBundle } from './bundle-admin.js';

const BundleChangeResult = heldOr(
  'BundleChangeResult',
  'The bundle version written, or the Approval holding the change (maker-checker).',
  () => Bundle,
  'Bundle',
);

/** 套餐管理: head office designs, versions and retires bundles; every change audited with its reason. */
@Resolver()
export class BundleAdminResolver {
  @Mutation(() => BundleChangeResult, {
    description:
      'Designs a new bundle (version 1), head office only. Refused (BAD_USER_INPUT) before anything is written when an item does not exist or is not on sale, and — with the reasons per item in ' +
      '`extensions.items` — when no customer of the target segment could be sold an item (an R5 fund in a bundle for conservative customers). CONFLICT when the code exists. Audited (BUNDLE_CREATED). Held for a second person (an Approval) when core.makerChecker lists CREATE_BUNDLE.',
  })
  createBundle(
    @Arg('input', () => BundleDesignInput, { description: 'The bundle as designed: checked whole before anything is written.' }) input: BundleDesignInput,
    @Ctx() ctx: HostContext,
  ) {
    return createBundle(ctx, input);
  }

  @Mutation(() => BundleChangeResult, {
    description:
      'Writes a new version of an ACTIVE bundle (the whole design, checked as createBundle checks it); the version named becomes SUPERSEDED — orders placed on it keep pointing at it, and it is still ' +
      'sold for core.bundles.supersededGraceDays to whoever was offered it. CONFLICT when the version is no longer the current one. Head office only; audited (BUNDLE_UPDATED). Held for a second person when core.makerChecker lists UPDATE_BUNDLE.',
  })
  updateBundle(
    @Arg('input', () => UpdateBundleInput, { description: 'The current version and the whole new design.' }) input: UpdateBundleInput,
    @Ctx() ctx: HostContext,
  ) {
    return updateBundle(ctx, input);
  }

  @Mutation(() => BundleChangeResult, {
    description:
      'Retires an ACTIVE bundle: no longer offered or sold (orders placed on it stand). Head office only; audited (BUNDLE_RETIRED). Held for a second person when core.makerChecker lists RETIRE_BUNDLE.',
  })
  retireBundle(@Arg('input', () => RetireBundleInput, { description: 'The bundle to withdraw and why.' }) input: RetireBundleInput, @Ctx() ctx: HostContext) {
    return retireBundle(ctx, input);
  }
}
