import { getTableName } from 'drizzle-orm';
import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { ConfigError } from '../config/config.js';
import * as coreTables from '../db/schema/index.js';
import { buildFinmartSchema } from './build-schema.js';
import type { PluginManifest } from '../sdk/manifest.js';
import { validatePlugins, type CoreClaims } from '../plugins/validate.js';
import { PgTable } from 'drizzle-orm/pg-core';

/** Names the core claims, read off the core-only schema and core tables. */
export function coreClaims(): CoreClaims {
  const schema: GraphQLSchema = buildFinmartSchema([]);
  const typeNames = new Set<string>();
  const fields = new Set<string>();
  const rootFields = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    typeNames.add(type.name);
    if (isObjectType(type)) {
      for (const f of Object.keys(type.getFields())) {
        if (type.name === 'Query' || type.name === 'Mutation') rootFields.add(f);
        else fields.add(`${type.name}.${f}`);
      }
    }
  }
  const tables = new Set(
    Object.values(coreTables)
      .filter((t) => t instanceof PgTable)
      .map((t) => getTableName(t as PgTable)),
  );
  return { typeNames, fields, rootFields, tables };
}

/**
 * The plugins to load: every installed one, or those `PLUGINS` names (an
 * unknown name is a configuration error), validated and in dependency order.
 */
export function selectPlugins(installed: PluginManifest[], opts: { codes?: string[]; hostVersion: string; allowIncompatible: string[] }): PluginManifest[] {
  let chosen = installed;
  if (opts.codes) {
    const known = new Set(installed.map((p) => p.code));
    const unknown = opts.codes.filter((c) => !known.has(c));
    if (unknown.length) throw new ConfigError([`PLUGINS: unknown plugin(s) ${unknown.join(', ')}; installed: ${[...known].join(', ')}`]);
    chosen = installed.filter((p) => opts.codes!.includes(p.code));
  }
  return validatePlugins(chosen, { hostVersion: opts.hostVersion, allowIncompatible: opts.allowIncompatible, core: coreClaims() });
}
