import 'reflect-metadata';
const R = process.env.ROOT ?? '/work/main';
process.env.NODE_ENV = 'production';
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import inspector from 'node:inspector';
import { writeFileSync } from 'node:fs';
const { createHost } = await import(R + '/src/app/host.js');
const { loadConfig } = await import(R + '/src/config/config.js');
const { createHttpApp } = await import(R + '/src/http/app.js');
const { createRequestContext } = await import(R + '/src/http/context.js');
const { createLogger } = await import(R + '/src/logger.js');
const { createSecurity } = await import(R + '/src/security/index.js');
const { withStatementLog } = await import(R + '/src/db/statement-counter.js');
const { runInRequestScope } = await import(R + '/src/http/request-scope.js');
const secret = 'x'.repeat(10) + 'Q7f9Lk2PzR8wT1vX5nB3mC6dH0jS4gA';
const config = loadConfig({ NODE_ENV: 'production', JWT_SECRET: process.env.SECRET, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: 'silent', RATE_LIMIT_COST_PER_MINUTE: '1000000000000' });
const log = createLogger('silent');
const host = await createHost({ config, logger: log });
const httpServer = createServer();
const { apollo } = await createHttpApp({ host, httpServer, verifyToken: async () => ({ subject: 'b', role: 'HEAD_OFFICE' }), ...createSecurity(config, log) });
const q2 = 'query($first:Int!){ customers(first: $first) { edges { node { id riskProfile { level } holdings(first: 20) { edges { node { product { code line } marketValue { amount currency } } } } } } } }';
const run = () => {
  const requestId = randomUUID();
  const st = { count: 0, statements: [] as string[] };
  return (runInRequestScope({ requestId, lang: 'en', statements: st }, () => apollo.executeOperation({ query: q2, variables: { first: 50 } }, { contextValue: createRequestContext(host.runtime, { subject: 'b', role: 'HEAD_OFFICE' }, 'en', requestId) })));
};
for (let i = 0; i < 30; i++) await run();
const session = new inspector.Session(); session.connect();
const post = (m: string, p?: object) => new Promise<any>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
if (process.env.PROF) { await post('Profiler.enable'); await post('Profiler.start'); }
const N = Number(process.env.N ?? 200);
const t = performance.now();
const cpu0 = process.cpuUsage();
for (let i = 0; i < N; i++) { const r = await run(); if (r.body.kind !== 'single' || r.body.singleResult.errors) throw new Error(JSON.stringify(r.body)); }
const ms = (performance.now() - t) / N;
const cpu = process.cpuUsage(cpu0);
const cpuMs = (cpu.user + cpu.system) / 1000 / N;
if (process.env.PROF) { const { profile } = await post('Profiler.stop'); writeFileSync(process.env.PROF, JSON.stringify(profile)); }
console.log(JSON.stringify({ msPerRequest: ms.toFixed(2), cpuMsPerRequest: cpuMs.toFixed(2) }));
await apollo.stop(); await host.close(); process.exit(0);
