import { describe, expect, it } from 'vitest';
import { PgDialect } from 'drizzle-orm/pg-core';
import { customers } from '../../src/db/schema/index.js';
import { inIds } from '../../src/db/int-array.js';

describe('inIds', () => {
  const dialect = new PgDialect();
  it('binds the whole list as one parameter, whatever its length', () => {
    const q = dialect.sqlToQuery(inIds(customers.id, [3, 1, 2]));
    expect(q.sql).toBe('"customers"."id" = any($1::int[])');
    expect(q.params).toEqual(['{3,1,2}']);
    expect(
      dialect.sqlToQuery(
        inIds(
          customers.id,
          Array.from({ length: 5000 }, (_, i) => i),
        ),
      ).params,
    ).toHaveLength(1);
  });
  it('refuses anything but integers: nothing else can reach the literal', () => {
    expect(() => inIds(customers.id, [1, 2.5])).toThrow(TypeError);
    expect(() => inIds(customers.id, [1, '2} or true' as unknown as number])).toThrow(TypeError);
    expect(() => inIds(customers.id, [Number.NaN])).toThrow(TypeError);
  });
});
