/**
 * `compute`, remembered per argument object: the second call with the same
 * object answers from memory. Rules run for every product of every customer
 * (eligible lists, impact analysis over the whole book), and most of what a
 * rule reads from `facts.product.details` or a setting's list is the same for
 * each evaluation of that product: parse it once per object, not once per
 * evaluation. Only for values derived from objects nobody mutates (product
 * details as loaded, settings values); entries go when the object does.
 */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, V>();
  return (key: K) => {
    let v = memo.get(key);
    if (v === undefined && !memo.has(key)) {
      v = compute(key);
      memo.set(key, v);
    }
    return v as V;
  };
}

/**
 * `compute(key, arg)`, remembered per key object for the last two `arg`s it was asked with (compared by
 * identity): a value derived from a customer's facts and a setting's current value is computed again when
 * the setting changes, and a what-if that asks alternately under the current and a proposed value (the
 * impact analysis) computes each once.
 */
export function perObjectAnd<K extends object, A, V>(compute: (key: K, arg: A) => V): (key: K, arg: A) => V {
  const memo = new WeakMap<K, { arg: A; value: V; older?: { arg: A; value: V } }>();
  return (key: K, arg: A) => {
    const known = memo.get(key);
    if (known !== undefined) {
      if (known.arg === arg) return known.value;
      if (known.older !== undefined && known.older.arg === arg) return known.older.value;
    }
    const value = compute(key, arg);
    memo.set(key, { arg, value, older: known === undefined ? undefined : { arg: known.arg, value: known.value } });
    return value;
  };
}
