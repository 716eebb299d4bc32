import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { createHost } from '/work/main/src/app/host.js';
import { DEVELOPMENT_JWT_SECRET, loadConfig } from '/work/main/src/config/config.js';
import { openDatabase } from '/work/main/src/db/client.js';
import { products } from '/work/main/src/db/schema/index.js';
import { createRequestContext } from '/work/main/src/http/context.js';
import { createLogger } from '/work/main/src/logger.js';
import { seedDemoBank } from '/work/main/src/seed/demo-bank.js';
import { evaluateSuitability } from '/work/main/src/suitability/engine.js';
import { assembleFacts, loadCustomerFacts, loadProductFacts } from '/work/main/src/suitability/facts-loader.js';
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JWT_SECRET: DEVELOPMENT_JWT_SECRET });
const database = await openDatabase({});
const host = await createHost({ config, logger: createLogger('silent'), database });
await seedDemoBank(host, { customers: 100 });
const ctx = createRequestContext(host.runtime, { subject: 'x', role: 'HEAD_OFFICE' }, 'en', randomUUID());
const customers = await Promise.all([2, 3, 4, 5, 6, 7, 8, 9].map((id) => loadCustomerFacts(ctx, id)));
const all = await ctx.db.select().from(products).orderBy(asc(products.id));
const pf = await Promise.all(all.map((p) => loadProductFacts(ctx, p)));
const SALE = { side: 'BUY' as const, amount: null, quantity: null, channel: 'COUNTER' as const, initiator: 'STAFF' as const, details: {}, statedFigures: [], completedSteps: [] };
const facts = customers.flatMap((c) => pf.map((p) => assembleFacts(c!, p, { ...SALE, currency: p.currency }, ctx.now)));
const rc = { settings: host.runtime.settings, now: ctx.now };
let sink = 0;
for (let i = 0; i < 50; i++) for (const f of facts) sink += evaluateSuitability(host.runtime.rules, f, rc).reasons.length;
import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';
const session = new inspector.Session(); session.connect();
const post = (m: string, p?: object) => new Promise<any>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
if (process.env.PROF) { await post('Profiler.enable'); await post('Profiler.start'); }
const t = performance.now(); let n = 0;
while (performance.now() - t < Number(process.env.MS ?? 5000)) { for (const f of facts) sink += evaluateSuitability(host.runtime.rules, f, rc).reasons.length; n += facts.length; }
if (process.env.PROF) { const { profile } = await post('Profiler.stop'); writeFileSync(process.env.PROF, JSON.stringify(profile)); }
console.log(JSON.stringify({ evalsPerSecond: Math.round(n / ((performance.now() - t) / 1000)), facts: facts.length, sink }));
await host.close();
process.exit(0);
