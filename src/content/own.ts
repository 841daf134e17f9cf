/**
 * Lookups by a name that comes from content: a fact name, a language code, a component name.
 * `record[name]` on a plain object also finds what every object inherits (`constructor`,
 * `toString`, `__proto__`, `hasOwnProperty`…), so `<Fact name="constructor" />` would find a
 * function instead of "no such fact". Everything keyed by an author's word goes through here or
 * through a `Map`.
 */

/** `record[key]` if `key` is the record's own key, else `undefined`. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A record without a prototype: no key is found unless it was set, and `__proto__` is a plain key. */
export function dict<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [k, v] of entries) out[k] = v;
  return out;
}
