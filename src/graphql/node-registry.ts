import type { HostContext } from './context.js';

/** Fetches one object of a type by its key, within the caller's scope (null = not visible). */
export type NodeFetcher = (ctx: HostContext, key: number) => Promise<unknown | null>;

/**
 * Makes a type reachable through `node(id)`. The fetcher must apply the same
 * scope as the type's own query, so `node` is never a way around it.
 */
export function registerNodeType(type: string, fetch: NodeFetcher, typeName: (obj: never) => string | undefined = () => type): void {
  fetchers.set(type, { fetch, typeName: typeName as (obj: unknown) => string | undefined });
}

const fetchers = new Map<string, { fetch: NodeFetcher; typeName: (obj: unknown) => string | undefined }>();

/** Fetches the object behind a decoded global id, tagged with its GraphQL type name. */
export async function fetchNode(ctx: HostContext, type: string, key: number): Promise<unknown | null> {
  const entry = fetchers.get(type);
  if (!entry) return null;
  const obj = await entry.fetch(ctx, key);
  if (!obj) return null;
  const typename = entry.typeName(obj);
  return typename ? { ...(obj as object), __typename: typename } : null;
}
