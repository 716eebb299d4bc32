import { isInterfaceType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Calls finmart's resolver methods directly. type-graphql wraps every resolver
 * method in a pipeline built for features finmart does not use (middlewares,
 * auth checkers, class-validator): it sorts the parameter list on every call
 * and, for any method with arguments, goes through an async validation step —
 * so a resolver that has its answer at hand still returns a promise, and a
 * page of 50 customers paid 50 promises for `holdings` alone. This builds, once
 * per schema, a resolver per method that maps the parameters in their declared
 * order and returns what the method returns (a value stays a value).
 *
 * Parameters handled: `@Root`, `@Ctx`, `@Info`, `@Arg`, `@Args` (the argument
 * values graphql-js already coerced, defaults applied). A method declaring
 * anything else (a custom parameter decorator, a middleware, roles) keeps
 * type-graphql's resolver.
 */

type Param =
  | { kind: 'root'; index: number; propertyName?: string }
  | { kind: 'context'; index: number; propertyName?: string }
  | { kind: 'info'; index: number }
  | { kind: 'arg'; index: number; name: string }
  | { kind: 'args'; index: number };

interface MethodMeta {
  target: Function;
  methodName: string;
  schemaName: string;
  params?: { kind: string; index: number; name?: string; propertyName?: string }[];
  middlewares?: unknown[];
  roles?: unknown[];
}

interface FieldResolverMeta extends MethodMeta {
  kind: 'internal' | 'external';
  getObjectType?: () => Function;
}

const SUPPORTED = new Set(['root', 'context', 'info', 'arg', 'args']);

function leanResolver(meta: MethodMeta, instances: Map<Function, Record<string, Function>>): GraphQLFieldResolver<unknown, unknown> | null {
  if ((meta.middlewares?.length ?? 0) > 0 || (meta.roles?.length ?? 0) > 0) return null;
  const params = [...(meta.params ?? [])].sort((a, b) => a.index - b.index) as Param[];
  if (params.some((p) => !SUPPORTED.has(p.kind))) return null;
  let instance = instances.get(meta.target);
  if (!instance) instances.set(meta.target, (instance = new (meta.target as new () => Record<string, Function>)()));
  const method = instance[meta.methodName];
  if (typeof method !== 'function') return null;
  const self = instance;
  const pick = params.map((p): ((root: unknown, args: Record<string, unknown>, ctx: unknown, info: GraphQLResolveInfo) => unknown) => {
    switch (p.kind) {
      case 'root':
        return p.propertyName ? (root) => (root as Record<string, unknown>)[p.propertyName!] : (root) => root;
      case 'context':
        return p.propertyName ? (_r, _a, ctx) => (ctx as Record<string, unknown>)[p.propertyName!] : (_r, _a, ctx) => ctx;
      case 'info':
        return (_r, _a, _c, info) => info;
      case 'arg':
        return (_r, args) => args[p.name];
      case 'args':
        return (_r, args) => args;
    }
  });
  switch (pick.length) {
    case 0:
      return () => method.call(self);
    case 1: {
      const [a] = pick;
      return (root, args, ctx, info) => method.call(self, a!(root, args as never, ctx, info));
    }
    case 2: {
      const [a, b] = pick;
      return (root, args, ctx, info) => method.call(self, a!(root, args as never, ctx, info), b!(root, args as never, ctx, info));
    }
    default:
      return (root, args, ctx, info) =>
        method.apply(
          self,
          pick.map((p) => p(root, args as never, ctx, info)),
        );
  }
}

/**
 * Interfaces resolve their concrete type with the function their declaration
 * gives, called directly: type-graphql wraps it in an async function, so every
 * abstract field (a holding's product, `node`) waited on a promise to learn
 * its type.
 */
function useDirectTypeResolvers(
  schema: GraphQLSchema,
  storage: { interfaceTypes: { name: string; resolveType?: Function }[]; objectTypes: { name: string; target: Function }[] },
): void {
  for (const it of storage.interfaceTypes) {
    const type = schema.getType(it.name);
    const declared = it.resolveType;
    if (!isInterfaceType(type) || typeof declared !== 'function') continue;
    type.resolveType = (value, ctx, info, abstract) => {
      const r = declared(value, ctx, info, abstract);
      // A declaration may answer with the class of the type rather than its name.
      return typeof r === 'function' ? storage.objectTypes.find((o) => o.target === r)?.name : r;
    };
  }
}

/** Replaces type-graphql's resolvers of the given resolver classes' methods in `schema` with direct calls. */
export function useLeanResolvers(schema: GraphQLSchema, resolverClasses: readonly Function[]): void {
  const storage = getMetadataStorage() as unknown as {
    queries: MethodMeta[];
    mutations: MethodMeta[];
    fieldResolvers: FieldResolverMeta[];
    objectTypes: { name: string; target: Function; interfaceClasses?: Function[] }[];
    interfaceTypes: { name: string; resolveType?: Function }[];
  };
  useDirectTypeResolvers(schema, storage);
  const included = new Set(resolverClasses);
  const instances = new Map<Function, Record<string, Function>>();
  const replace = (typeName: string, fieldName: string, meta: MethodMeta) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) return;
    const field = type.getFields()[fieldName];
    const lean = field ? leanResolver(meta, instances) : null;
    if (field && lean) field.resolve = lean;
  };
  const queryType = schema.getQueryType()?.name;
  const mutationType = schema.getMutationType()?.name;
  for (const q of storage.queries) if (included.has(q.target) && queryType) replace(queryType, q.schemaName, q);
  for (const m of storage.mutations) if (included.has(m.target) && mutationType) replace(mutationType, m.schemaName, m);

  // Field resolvers declared on a class (or an interface it implements, or a class it extends) reach every object type built from it.
  const external = storage.fieldResolvers.filter((f) => f.kind === 'external' && included.has(f.target) && f.getObjectType);
  for (const t of storage.objectTypes) {
    const classes = new Set<Function>([...(t.interfaceClasses ?? [])]);
    for (let c: Function | null = t.target; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) classes.add(c);
    for (const f of external) if (classes.has(f.getObjectType!())) replace(t.name, f.schemaName, f);
  }
}
