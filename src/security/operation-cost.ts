import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Kind, validate, visit, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode, type ValidationRule, type ValueNode } from 'graphql';

/**
 * The cost model of GRAPHQL_MAX_COST and the per-caller cost budget: every
 * selected field costs 1 (object or scalar), times the `first`/`last` of each
 * list around it, with no extra weight per level — the most values a response
 * can hold, which is what the server has to produce (with look-ahead the
 * statements do not grow with it). graphql-armor's defaults (objects 2, ×1.5
 * per level) priced a page of 100 customers with their holdings at 730,000,
 * eight times what it returns.
 */
export const COST_MODEL = { flattenFragments: true, objectCost: 1, scalarCost: 1, depthCostFactor: 1 } as const;

/**
 * The cost of one operation in the {@link COST_MODEL}, computed by armor's own
 * cost-limit rule, so the budget and the GRAPHQL_MAX_COST check count alike.
 *
 * Armor reads page sizes from literals only (`first: 100` costs 100×, `first:
 * $n` costs 1×). Here variables are written in first, so `customers(first: $n)`
 * with n = 100 costs what `customers(first: 100)` does.
 */
export function createOperationCost(): (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables?: Record<string, unknown>,
) => number {
  let measured: number | undefined;
  const armor = new ApolloArmor({
    costLimit: { ...COST_MODEL, maxCost: Number.MAX_SAFE_INTEGER, onAccept: [(_ctx, details: { n: number }) => (measured = details.n)] },
    maxDepth: { enabled: false },
    maxAliases: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  const rules: ValidationRule[] = armor.protect().validationRules;
  // A cost depends on the operation and its page sizes only: clients send the same documents (Apollo
  // keeps one parsed object per document) with a few page sizes, so each pair is measured once.
  const known = new WeakMap<OperationDefinitionNode, Map<string, number>>();
  return (schema, document, operation, variables = {}) => {
    const values = effectiveVariables(operation, variables);
    const key = pageSizesKey(operation, values);
    let costs = known.get(operation);
    const cached = costs?.get(key);
    if (cached !== undefined) return cached;
    const cost = measure(schema, document, operation, values);
    if (!costs) known.set(operation, (costs = new Map()));
    if (costs.size >= 100) costs.clear();
    costs.set(key, cost);
    return cost;
  };

  function measure(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, values: Map<string, unknown>): number {
    const inlined = visit(
      { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] } as DocumentNode,
      {
        Argument(node) {
          if ((node.name.value !== 'first' && node.name.value !== 'last') || node.value.kind !== Kind.VARIABLE) return undefined;
          const v = values.get(node.value.name.value);
          if (typeof v !== 'number' || !Number.isInteger(v)) return undefined;
          return { ...node, value: { kind: Kind.INT, value: String(v) } satisfies ValueNode };
        },
      },
    );
    // validate() is synchronous: `measured` is this call's figure.
    measured = undefined;
    validate(schema, inlined, rules);
    return measured ?? 0;
  }
}

/** Per operation: the variables it passes as page sizes (`first`/`last`), found once. */
const pageSizeVariables = new WeakMap<OperationDefinitionNode, string[]>();

/** The values of the variables an operation uses as page sizes, as a cache key (other variables do not change a cost). */
function pageSizesKey(operation: OperationDefinitionNode, values: Map<string, unknown>): string {
  let names = pageSizeVariables.get(operation);
  if (!names) {
    const found = new Set<string>();
    visit(operation, {
      Argument(node) {
        if ((node.name.value === 'first' || node.name.value === 'last') && node.value.kind === Kind.VARIABLE) found.add(node.value.name.value);
      },
    });
    names = [...found];
    pageSizeVariables.set(operation, names);
  }
  let key = '';
  for (const name of names) key += `${name}=${JSON.stringify(values.get(name)) ?? ''};`;
  return key;
}

/** Variable values as the operation sees them: given values, else declared defaults. */
function effectiveVariables(operation: OperationDefinitionNode, given: Record<string, unknown>): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const def of operation.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (name in given) values.set(name, given[name]);
    else if (def.defaultValue?.kind === Kind.INT) values.set(name, Number(def.defaultValue.value));
  }
  return values;
}
