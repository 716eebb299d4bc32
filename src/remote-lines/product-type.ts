import { Directive, ObjectType } from 'type-graphql';
import { Product } from '../domain/products/product.interface.js';
import type { RemoteLineConfig } from './config.js';

/** Types built so far, by name, line and code: a host booted twice in one process reuses its class. */
const built = new Map<string, Function>();

/**
 * The `Product` implementation of a remote line, built at boot with type-graphql's decorators applied as
 * functions: `type <TypeName> implements Node & Product @key(fields: "code")`. Its fields are the common
 * `Product` fields, resolved from the bank's own catalogue (`products`); the partner's subgraph declares the same
 * entity with the line's own fields, and the gateway joins them on `code` — a partner knows its product codes,
 * not the bank's ids.
 */
export function remoteProductType(config: Pick<RemoteLineConfig, 'code' | 'line' | 'typeName'>): Function {
  const id = `${config.typeName}|${config.line}|${config.code}`;
  const known = built.get(id);
  if (known) return known;
  // A class named after the type (type-graphql and stack traces read the name).
  const type = { [config.typeName]: class extends Product {} }[config.typeName]!;
  ObjectType(config.typeName, {
    implements: Product,
    description:
      `${config.code} 产品线的产品（合作方以独立子图提供） / A product of the ${config.code} line (${config.line}), which a partner runs as its own subgraph: ` +
      "the bank's listing here; the line's own fields come from the partner's subgraph through the gateway, joined on `code`.",
  })(type);
  Directive('@key(fields: "code")')(type);
  built.set(id, type);
  return type;
}
