import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Look-ahead: the fields a query selects below the field being resolved, so
 * a root resolver can fetch in one statement what its children will ask for
 * (and prime their loaders). Fragments and inline fragments are followed;
 * `@include`/`@skip` are ignored — a field that might be skipped is treated
 * as selected (fetching it early is harmless, missing it only costs a
 * statement later).
 */

function collect(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, typeNames: ReadonlySet<string>, out: FieldNode[]): void {
  if (!set) return;
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) {
      if (!s.typeCondition || typeNames.has(s.typeCondition.name.value)) collect(s.selectionSet, fragments, typeNames, out);
    } else {
      const f = fragments[s.name.value];
      if (f && typeNames.has(f.typeCondition.name.value)) collect(f.selectionSet, fragments, typeNames, out);
    }
  }
}

/**
 * Names of the fields selected at `path` below the current field, on objects
 * of the given type names (e.g. `['edges', 'node']` on `Customer`, `Node`).
 * Path steps are matched on every type (connections and edges carry no
 * fragments worth distinguishing).
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[], typeNames: readonly string[]): Set<string> {
  const types = new Set(typeNames);
  const any = { has: () => true } as unknown as ReadonlySet<string>;
  let level: FieldNode[] = [...info.fieldNodes];
  for (const step of path) {
    const next: FieldNode[] = [];
    for (const f of level) {
      const children: FieldNode[] = [];
      collect(f.selectionSet, info.fragments, any, children);
      for (const c of children) if (c.name.value === step) next.push(c);
    }
    level = next;
  }
  const leaves: FieldNode[] = [];
  for (const f of level) collect(f.selectionSet, info.fragments, types, leaves);
  return new Set(leaves.map((f) => f.name.value));
}
