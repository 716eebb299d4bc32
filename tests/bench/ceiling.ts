import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { Decimal } from 'decimal.js';
import { and, asc, eq } from 'drizzle-orm';
import {
  GraphQLBoolean,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  execute,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { customerScope, productScope } from '../../src/access/scope.js';
import type { Host } from '../../src/app/host.js';
import type { HostContext } from '../../src/app/runtime.js';
import type { Principal } from '../../src/auth/principal.js';
import { customers, products } from '../../src/db/schema/index.js';
import { countStatements } from '../../src/db/statement-counter.js';
import { customerLoader, holdingsByCustomerLoader, latestAssessmentLoader, productLoader } from '../../src/domain/core-loaders.js';
import { totalAssetsCny } from '../../src/domain/customers/customer.resolver.js';
import type { CustomerRecord } from '../../src/domain/customers/customer.record.js';
import { ageAt, assessmentExpiry, lifeStageOf, tierOf } from '../../src/domain/customers/derived.js';
import { holdingValue } from '../../src/domain/holdings/holding.type.js';
import { lineIn } from '../../src/domain/products/product.query.js';
import type { ProductRecord } from '../../src/domain/products/product.record.js';
import { numericIdOf, toGlobalId } from '../../src/graphql/relay/global-id.js';
import { createRequestContext } from '../../src/http/context.js';
import { keysetClauses } from '../../src/graphql/relay/keyset-sql.js';
import { keysetPage, pageList, toConnection } from '../../src/graphql/relay/paginate.js';
import { langFromHeader } from '../../src/i18n/localized.js';
import { loadCustomerFacts } from '../../src/suitability/facts-loader.js';
import { decide } from '../../src/suitability/service.js';

/*
 * The ceiling: plain graphql-js over the same batched SQL (the host's loaders,
 * valuation and suitability service), with only the fields the bench queries
 * select. No Apollo, no type-graphql, no express.
 */

type Ctx = HostContext;
type HoldingRow = Awaited<ReturnType<ReturnType<typeof holdingsByCustomerLoader>['load']>>[number];

const nn = <T extends import('graphql').GraphQLType>(t: T) => new GraphQLNonNull(t);
const pageLimits = (ctx: Ctx) => ctx.settings.get<{ default: number; max: number }>('core.pageSize');
const connectionArgs = { first: { type: GraphQLInt }, after: { type: GraphQLString } };

// Same wire format as the host's Decimal scalar (exact, no trailing zeros).
const DecimalString = new GraphQLScalarType({ name: 'Decimal', serialize: (v) => new Decimal(String(v)).toFixed() });

const Money = new GraphQLObjectType({
  name: 'Money',
  fields: { amount: { type: nn(DecimalString) }, currency: { type: nn(GraphQLString) } },
});

const PageInfo = new GraphQLObjectType({
  name: 'PageInfo',
  fields: {
    hasNextPage: { type: nn(GraphQLBoolean) },
    hasPreviousPage: { type: nn(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString },
  },
});

function connection(name: string, node: GraphQLObjectType, edgeExtra: GraphQLFieldConfigMap<any, Ctx> = {}) {
  const edge = new GraphQLObjectType({ name: `${name}Edge`, fields: { cursor: { type: nn(GraphQLString) }, node: { type: nn(node) }, ...edgeExtra } });
  return new GraphQLObjectType({
    name: `${name}Connection`,
    fields: { edges: { type: nn(new GraphQLList(nn(edge))) }, pageInfo: { type: nn(PageInfo) }, totalCount: { type: nn(GraphQLInt) } },
  });
}

const Product = new GraphQLObjectType<ProductRecord, Ctx>({
  name: 'Product',
  fields: {
    id: { type: nn(GraphQLID), resolve: (p) => toGlobalId('Product', p.id) },
    code: { type: nn(GraphQLString) },
    name: { type: nn(GraphQLString), resolve: (p, _a, ctx) => (ctx.lang === 'en' ? p.nameEn : p.nameZh) },
    line: { type: nn(GraphQLString) },
  },
});

const Holding = new GraphQLObjectType<HoldingRow, Ctx>({
  name: 'Holding',
  fields: {
    id: { type: nn(GraphQLID), resolve: (h) => toGlobalId('Holding', h.id) },
    product: { type: nn(Product), resolve: async (h, _a, ctx) => (await productLoader(ctx).load(h.productId))! },
    marketValue: {
      type: nn(Money),
      resolve: async (h, _a, ctx) => {
        const v = await holdingValue(h, ctx);
        return { amount: v.amount, currency: v.currency };
      },
    },
  },
});

const Decision = new GraphQLObjectType({ name: 'SuitabilityDecision', fields: { outcome: { type: nn(GraphQLString) } } });

const RiskProfile = new GraphQLObjectType({
  name: 'RiskProfile',
  fields: { level: { type: nn(GraphQLString) }, expired: { type: nn(GraphQLBoolean) } },
});

const HoldingConnection = connection('Holding', Holding);
const ProductConnection = connection('Product', Product, { decision: { type: Decision } });

/** Same steps as `CustomerSuitabilityResolver.eligibleProducts` (manager at the counter). */
async function eligibleProducts(c: CustomerRecord, args: { first?: number; after?: string }, ctx: Ctx) {
  const page = keysetPage(args, pageLimits(ctx));
  const customer = await loadCustomerFacts(ctx, c.id);
  if (!customer) throw new Error('customer not found');
  const candidates = await ctx.db
    .select()
    .from(products)
    .where(and(productScope(ctx.principal), eq(products.status, 'ON_SALE'), lineIn([...ctx.host.pluginByLine.keys()])))
    .orderBy(asc(products.id));
  const decided = await Promise.all(
    candidates.map(async (p) => ({
      product: p,
      decision: (await decide(ctx, customer, p, { side: 'BUY', amount: null, channel: 'COUNTER', initiator: 'STAFF', details: {}, completedSteps: [] })).decision,
    })),
  );
  const eligible = decided.filter((d) => d.decision.outcome !== 'BLOCK');
  const items = eligible.filter((d) => page.afterKey === undefined || d.product.id > page.afterKey);
  const conn = toConnection(page, items.slice(0, page.limit), (d) => d.product.id, () => eligible.length);
  conn.edges = conn.edges.map((e) => {
    const d = e.node as (typeof eligible)[number];
    return { cursor: e.cursor, node: d.product, decision: { outcome: d.decision.outcome } } as never;
  });
  return conn;
}

const Customer: GraphQLObjectType<CustomerRecord, Ctx> = new GraphQLObjectType<CustomerRecord, Ctx>({
  name: 'Customer',
  fields: () => ({
    id: { type: nn(GraphQLID), resolve: (c) => toGlobalId('Customer', c.id) },
    name: { type: nn(GraphQLString) },
    age: { type: nn(GraphQLInt), resolve: (c, _a, ctx) => ageAt(c.birthDate, ctx.now) },
    lifeStage: { type: nn(GraphQLString), resolve: (c, _a, ctx) => lifeStageOf(ageAt(c.birthDate, ctx.now), ctx.settings) },
    riskProfile: {
      type: RiskProfile,
      resolve: async (c, _a, ctx) => {
        const a = await latestAssessmentLoader(ctx).load(c.id);
        if (!a) return null;
        return { level: a.level, expired: assessmentExpiry(a.assessedAt, ctx.settings).getTime() <= ctx.now.getTime() };
      },
    },
    tier: { type: nn(GraphQLString), resolve: async (c, _a, ctx) => tierOf(await totalAssetsCny(c, ctx), ctx.settings) },
    totalAssets: { type: nn(Money), resolve: async (c, _a, ctx) => ({ amount: await totalAssetsCny(c, ctx), currency: 'CNY' }) },
    holdings: {
      type: nn(HoldingConnection),
      args: connectionArgs,
      resolve: async (c, args, ctx) => pageList(keysetPage(args, pageLimits(ctx)), await holdingsByCustomerLoader(ctx).load(c.id), (h) => h.id),
    },
    eligibleProducts: { type: nn(ProductConnection), args: connectionArgs, resolve: (c, args, ctx) => eligibleProducts(c, args, ctx) },
  }),
});

const CustomerConnection = connection('Customer', Customer);

const Query = new GraphQLObjectType<unknown, Ctx>({
  name: 'Query',
  fields: {
    customer: {
      type: Customer,
      args: { id: { type: nn(GraphQLID) } },
      resolve: async (_r, { id }: { id: string }, ctx) => {
        const key = numericIdOf(id, 'Customer');
        return key ? customerLoader(ctx).load(key) : null;
      },
    },
    customers: {
      type: nn(CustomerConnection),
      args: connectionArgs,
      resolve: async (_r, args, ctx) => {
        const page = keysetPage(args, pageLimits(ctx));
        const { where, orderBy } = keysetClauses(page, customers.id, customerScope(ctx.principal));
        const rows = await ctx.db.select().from(customers).where(where).orderBy(orderBy).limit(page.limit);
        for (const r of rows) customerLoader(ctx).prime(r.id, r);
        return toConnection(page, rows, (r) => r.id, () => 0);
      },
    },
  },
});

/** The hand-built schema. */
export const ceilingSchema = new GraphQLSchema({ query: Query });

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * A bare node:http GraphQL endpoint over {@link ceilingSchema}: same bearer
 * token check, same request context and loaders as the host; statements
 * counted per request into `x-sql-statements`.
 */
export function createCeilingServer(host: Host, verifyToken: (token: string) => Promise<Principal>): Server {
  const documents = new Map<string, DocumentNode>();
  return createServer(async (req, res) => {
    try {
      const auth = req.headers.authorization ?? '';
      const principal = await verifyToken(auth.replace(/^Bearer /, ''));
      const body = JSON.parse(await readBody(req)) as { query: string; variables?: Record<string, unknown> };
      let document = documents.get(body.query);
      if (!document) {
        document = parse(body.query);
        const errors = validate(ceilingSchema, document);
        if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
        documents.set(body.query, document);
      }
      const lang = langFromHeader(req.headers['accept-language']);
      const ctx = createRequestContext(host.runtime, principal, lang, randomUUID());
      const { result, log } = await countStatements(async () => execute({ schema: ceilingSchema, document: document!, variableValues: body.variables, contextValue: ctx }));
      const json = JSON.stringify(result);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json), 'x-sql-statements': String(log.count) });
      res.end(json);
    } catch (e) {
      const json = JSON.stringify({ errors: [{ message: (e as Error).message }] });
      res.writeHead(400, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) });
      res.end(json);
    }
  });
}
