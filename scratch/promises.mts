import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { defaultFieldResolver, execute, isObjectType, parse } from 'graphql';
const R = '/work/main';
const { createHost } = await import(R + '/src/app/host.js');
const { loadConfig } = await import(R + '/src/config/config.js');
const { createRequestContext } = await import(R + '/src/http/context.js');
const config = loadConfig({ DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false' });
const host = await createHost({ config });
const counts = new Map<string, number>();
for (const t of Object.values(host.schema.getTypeMap())) {
  if (!isObjectType(t) || t.name.startsWith('__')) continue;
  for (const f of Object.values(t.getFields())) {
    const r = f.resolve ?? defaultFieldResolver;
    f.resolve = (s, a, c, i) => { const v = r(s, a, c, i); if (v && typeof (v as any).then === 'function') counts.set(`${t.name}.${f.name}`, (counts.get(`${t.name}.${f.name}`) ?? 0) + 1); return v; };
  }
}
const q2 = 'query($first:Int!){ customers(first: $first) { edges { node { id riskProfile { level } holdings(first: 20) { edges { node { product { code line } marketValue { amount currency } } } } } } } }';
const ctx = createRequestContext(host.runtime, { subject: 'b', role: 'HEAD_OFFICE' }, 'en', randomUUID());
const r = await execute({ schema: host.schema, document: parse(q2), variableValues: { first: 50 }, contextValue: ctx });
console.log(r.errors, [...counts]);
await host.close(); process.exit(0);
