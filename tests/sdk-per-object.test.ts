import { describe, expect, it } from 'vitest';
import { perObject, perObjectAnd, perStringValue } from '../src/sdk/index.js';

describe('perObject (SDK)', () => {
  it('computes once per object, again for another object, and remembers undefined answers too', () => {
    let calls = 0;
    const parse = perObject((o: { v?: string }) => {
      calls++;
      return o.v;
    });
    const a = { v: 'x' };
    const b = {};
    expect(parse(a)).toBe('x');
    expect(parse(a)).toBe('x');
    expect(calls).toBe(1);
    expect(parse(b)).toBeUndefined();
    expect(parse(b)).toBeUndefined();
    expect(calls).toBe(2);
    expect(parse({ v: 'x' })).toBe('x');
    expect(calls).toBe(3);
  });
});

describe('perObjectAnd and perStringValue (SDK)', () => {
  it('perObjectAnd recomputes when the argument changes (a setting changed), else answers from memory', () => {
    let calls = 0;
    const f = perObjectAnd((o: { n: number }, t: { k: number }) => (calls++, o.n * t.k));
    const o = { n: 2 };
    const t1 = { k: 3 };
    const t2 = { k: 5 };
    expect(f(o, t1)).toBe(6);
    expect(f(o, t1)).toBe(6);
    expect(calls).toBe(1);
    expect(f(o, t2)).toBe(10);
    expect(calls).toBe(2);
  });

  it('perStringValue remembers strings only; other values are computed each time; the memory is bounded', () => {
    let calls = 0;
    const f = perStringValue((v: unknown) => (calls++, String(v).length), 2);
    f('abc');
    f('abc');
    expect(calls).toBe(1);
    f(12);
    f(12);
    expect(calls).toBe(3);
    f('d');
    f('e'); // the third distinct string: memory cleared, then relearned
    f('abc');
    expect(calls).toBe(6);
  });
});
