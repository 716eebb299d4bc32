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
