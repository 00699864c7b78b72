/** Small readers for documents that have not been validated yet: they never throw. */

export type JsonObject = Record<string, unknown>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface Located<T> {
  value: T;
  path: string;
}

/** The objects of the array at `parent[property]`, each with its JSON pointer. */
export function objectsAt(parent: Located<unknown>, property: string): Located<JsonObject>[] {
  if (!isJsonObject(parent.value)) return [];
  const list = parent.value[property];
  if (!Array.isArray(list)) return [];
  const result: Located<JsonObject>[] = [];
  list.forEach((item: unknown, index) => {
    if (isJsonObject(item)) result.push({ value: item, path: `${parent.path}/${property}/${index}` });
  });
  return result;
}

export function stringAt(object: JsonObject, property: string): string | undefined {
  const value = object[property];
  return typeof value === 'string' ? value : undefined;
}

export function numberAt(object: JsonObject, property: string): number | undefined {
  const value = object[property];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function arrayAt(object: JsonObject, property: string): unknown[] | undefined {
  const value = object[property];
  return Array.isArray(value) ? value : undefined;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function pointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}
