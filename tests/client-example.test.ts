import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, print, visit, type FieldDefinitionNode, type ObjectTypeDefinitionNode } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE, replaceOnce, run, typedClientCopy } from './support/typed-client.js';

/**
 * The typed-client example (examples/typed-client, issue 14): graphql-codegen's client preset over
 * schema.graphql and the documents of three screens, compiled with tsc --strict. CI runs
 * `npm run example:client` before the suite; this file runs it too, so that a schema change that breaks
 * the screens fails `npm test` — and shows that it does, on copies of the example against edited schemas.
 */

/** The SDL with one object type edited (graphql-js AST, so descriptions and order do not matter). */
function editType(sdl: string, typeName: string, edit: (fields: readonly FieldDefinitionNode[]) => FieldDefinitionNode[]): string {
  let found = false;
  const doc = visit(parse(sdl), {
    ObjectTypeDefinition(node: ObjectTypeDefinitionNode) {
      if (node.name.value !== typeName) return undefined;
      found = true;
      return { ...node, fields: edit(node.fields ?? []) };
    },
  });
  if (!found) throw new Error(`no type ${typeName} in the schema`);
  return print(doc);
}

const field = (fields: readonly FieldDefinitionNode[], name: string) => {
  const f = fields.find((x) => x.name.value === name);
  if (!f) throw new Error(`no field ${name}`);
  return f;
};

describe('typed-client example', () => {
  const copies: { remove(): void }[] = [];
  afterEach(() => {
    for (const c of copies.splice(0)) c.remove();
  });

  it('npm run example:client generates the client and the manifest, and compiles under --strict', async () => {
    const r = await run('npm', ['run', '-s', 'example:client']);
    expect(r.code, r.output).toBe(0);
    const manifestPath = join(EXAMPLE, 'src/gql/persisted-documents.json');
    expect(existsSync(manifestPath)).toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
    // One entry per operation (fragments travel inside the operations that use them); each id is the sha256 of its text
    // (client-preset 6 writes it `sha256:<hex>`, 5 the bare hex; the server takes both).
    const names = Object.values(manifest)
      .map((text) => /(?:^|\} )(?:query|mutation) (\w+)/.exec(text)?.[1])
      .sort();
    expect(names).toEqual(['Customer360', 'ManagerBook', 'PlaceOrder']);
    for (const [id, text] of Object.entries(manifest)) expect(id.replace(/^sha256:/, '')).toBe(createHash('sha256').update(text).digest('hex'));
    const placeOrder = Object.values(manifest).find((t) => t.includes('mutation PlaceOrder('))!;
    expect(placeOrder).toContain('fragment PlacedOrder on Order');
    expect(placeOrder).toContain('orderStatus: status');
    expect(placeOrder).toContain('approvalStatus: status');
    // The generated types carry Decimal and dates as strings (never a float), JSON objects as records:
    // client-preset 5 through a Scalars map, 6 inline.
    const types = readFileSync(join(EXAMPLE, 'src/gql/graphql.ts'), 'utf8');
    expect(types).toMatch(/Decimal: \{ input: string; output: string; \}|amount\?: string \| null/);
    expect(types).toMatch(/DateTime: \{ input: string; output: string; \}|openedAt: string/);
    expect(types).toMatch(/JSONObject: \{ input: Record<string, unknown>; output: Record<string, unknown>; \}|details\?: Record<string, unknown> \| null/);
  });

  it('a document selecting a field the schema does not have fails the generation', async () => {
    const copy = typedClientCopy({ source: { 'customer-360.ts': (code) => replaceOnce(code, /^( +)sizeClass$/m, '$1sizeClass\n$1creditScore') } });
    copies.push(copy);
    await expect(copy.generate()).rejects.toThrow(/Cannot query field "creditScore" on type "Customer"/);
  });

  it('a schema that renames a mutation the screens use fails the generation', async () => {
    const copy = typedClientCopy({
      schema: (sdl) =>
        editType(sdl, 'Mutation', (fields) =>
          fields.map((f) => (f.name.value === 'placeOrder' ? { ...f, name: { kind: Kind.NAME, value: 'submitOrder' } } : f)),
        ),
    });
    copies.push(copy);
    await expect(copy.generate()).rejects.toThrow(/Cannot query field "placeOrder" on type "Mutation"/);
  });

  it('a schema that makes a field a screen relies on nullable generates, and then fails tsc --strict', async () => {
    // Approval.submittedAt: DateTime! → DateTime; the order screen returns it as a string.
    const copy = typedClientCopy({
      schema: (sdl) =>
        editType(sdl, 'Approval', (fields) => {
          const f = field(fields, 'submittedAt');
          if (f.type.kind !== Kind.NON_NULL_TYPE) throw new Error('Approval.submittedAt is already nullable');
          const nullable = f.type.type;
          return fields.map((x) => (x === f ? { ...f, type: nullable } : x));
        }),
    });
    copies.push(copy);
    await copy.generate();
    const r = await copy.tsc();
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/place-order\.ts.*error TS2322: Type 'string \| null( \| undefined)?' is not assignable to type 'string'/);
  });

  it('a schema that adds a member to PlaceOrderResult fails tsc until the order screen handles it', async () => {
    const copy = typedClientCopy({
      schema: (sdl) => {
        let found = false;
        const out = print(
          visit(parse(sdl), {
            UnionTypeDefinition(node) {
              if (node.name.value !== 'PlaceOrderResult') return undefined;
              found = true;
              return { ...node, types: [...(node.types ?? []), { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'Holding' } }] };
            },
          }),
        );
        if (!found) throw new Error('no union PlaceOrderResult');
        return out;
      },
    });
    copies.push(copy);
    await copy.generate();
    const r = await copy.tsc();
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/place-order\.ts.*error TS2322: Type '\{ __typename: "Holding";? \}' is not assignable to type 'never'/);
  });
});
