import { isEnumType, isInputObjectType, isInterfaceType, isObjectType, isSpecifiedScalarType, type GraphQLSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectPlugins } from '../src/app/plugins-loader.js';
import { HOST_VERSION } from '../src/app/version.js';
import { buildFinmartSchema } from '../src/app/build-schema.js';
import { installedPlugins } from '../plugins/index.js';

/**
 * Every element of the public schema a client can see in GraphiQL or
 * introspection: each type (built-in scalars aside), field, argument, input
 * field and enum value, named as `Type`, `Type.field`, `Type.field(arg)`,
 * `Input.field` and `Enum.VALUE`, with whether it has a description.
 */
function undescribed(schema: GraphQLSchema): { total: number; missing: string[] } {
  const missing: string[] = [];
  let total = 0;
  const check = (name: string, description: string | null | undefined) => {
    total++;
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    check(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return { total, missing: missing.sort() };
}

const expectAllDescribed = (schema: GraphQLSchema) => {
  const { total, missing } = undescribed(schema);
  expect(total).toBeGreaterThan(0);
  // The message lists each element without a description, one a line.
  expect(missing, `${missing.length} of ${total} schema elements have no description:\n  ${missing.join('\n  ')}\n`).toEqual([]);
};

describe('schema descriptions', () => {
  it('describes every type, field, argument, input field and enum value of the schema served with every installed plugin', () => {
    // As the server builds it (src/app/host.ts) with the default PLUGINS: all installed plugins that fit this host.
    const plugins = selectPlugins(installedPlugins, { hostVersion: HOST_VERSION, allowIncompatible: [] });
    expect(plugins.length).toBe(installedPlugins.length);
    expectAllDescribed(buildFinmartSchema(plugins));
  });

  it('describes every element of the core schema, with no plugin loaded', () => {
    expectAllDescribed(buildFinmartSchema([]));
  });
});
