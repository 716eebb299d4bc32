import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** What one request read of one customer: the Customer fields, and the other customer-owned types reached. */
export interface CustomerRead {
  fields: Set<string>;
  via: Set<string>;
}

/** The reads of one request, by customer id. */
export type CustomerReads = Map<number, CustomerRead>;

/** Each request's read log, by its context object (opened by the audit plugin when execution starts). */
const logs = new WeakMap<object, CustomerReads>();

/** Opens the request's read log. */
export function openCustomerReads(ctx: object): CustomerReads {
  const reads: CustomerReads = new Map();
  logs.set(ctx, reads);
  return reads;
}

/**
 * The customer whose data a field reads, from the object it is resolved on:
 * a `Customer` (its id), or any object whose row is keyed by a customer
 * (`customerId`: holdings, orders, contacts, complaints, decision records, and
 * whatever a plugin adds that is keyed the same way). `null` for everything
 * else (products, branches, managers…).
 */
export function customerOf(parentType: string, source: unknown): number | null {
  if (source === null || typeof source !== 'object') return null;
  const s = source as { id?: unknown; customerId?: unknown };
  if (parentType === 'Customer') return typeof s.id === 'number' ? s.id : null;
  return typeof s.customerId === 'number' ? s.customerId : null;
}

const wrapped = new WeakSet<GraphQLSchema>();

/**
 * Makes every field of every object type note the customer whose data it
 * reads (see {@link customerOf}) in the request's read log — plugins' fields
 * and types included, with nothing to register. Done once per schema, by
 * wrapping the resolvers themselves: a per-field hook of the server
 * (`willResolveField`) would instrument every field of every request.
 */
export function recordCustomerReads(schema: GraphQLSchema): void {
  if (wrapped.has(schema)) return;
  wrapped.add(schema);
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter(Boolean));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
    const parent = type.name;
    const isCustomer = parent === 'Customer';
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, object> = field.resolve ?? defaultFieldResolver;
      const name = field.name;
      field.resolve = (source, args, ctx, info) => {
        const reads = logs.get(ctx);
        if (reads) {
          const id = customerOf(parent, source);
          if (id !== null) {
            let r = reads.get(id);
            if (!r) reads.set(id, (r = { fields: new Set(), via: new Set() }));
            if (isCustomer) r.fields.add(name);
            else r.via.add(parent);
          }
        }
        return resolve(source, args, ctx, info);
      };
    }
  }
}
