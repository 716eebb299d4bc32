/**
 * How the host hands its SDK to plugin packages. A plugin published as an npm
 * package depends on `@finmart/sdk` (packages/sdk), whose run-time module reads
 * this global slot instead of carrying its own copy of the SDK: the plugin then
 * runs against the host's own instances — one `Product` interface in the
 * schema, one `FinmartError` the error formatter recognises, one audit trail —
 * the way an editor provides its extension API to the extensions it loads.
 */

/** The global slot's key (`Symbol.for`, so every copy of this module agrees on it). */
export const SDK_SLOT = Symbol.for('finmart.sdk');

/** What the slot holds: the SDK, and in test runs a loader of its test helpers. */
export interface SdkSlot {
  /** The module namespace of src/sdk/index.ts. */
  api?: object;
  /** Loads the module namespace of src/sdk/testing.ts (tests only: it pulls in the test harness). */
  loadTesting?: () => Promise<object>;
}

function slot(): SdkSlot {
  const g = globalThis as { [SDK_SLOT]?: SdkSlot };
  return (g[SDK_SLOT] ??= {});
}

/** Puts the SDK where `@finmart/sdk` finds it. Call before importing a plugin package. */
export function provideSdk(api: object): void {
  slot().api = api;
}

/** Lets `@finmart/sdk/testing` load the SDK's test helpers (test setup only). */
export function provideSdkTesting(load: () => Promise<object>): void {
  slot().loadTesting = load;
}
