/**
 * Lookups in records keyed by a planner's text. A name is data: "toString", "constructor" or
 * "__proto__" must find nothing but what the planner wrote, never what every object inherits.
 */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Sets an own property, even one named "__proto__" (plain assignment would change the prototype). */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The one name a record read from a file cannot hold: zod's records drop a "__proto__" key without
 * a word, so a plan refuses it as a key, and as a trainer id or a cluster name, which a change
 * (changes.json) keys its records by — what taphuan writes, it must read back.
 */
export const UNREADABLE_KEY = "__proto__";
