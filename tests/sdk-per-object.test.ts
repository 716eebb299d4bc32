import { describe, expect, it } from 'vitest';
import { perObject } from '../src/sdk/index.js';

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
