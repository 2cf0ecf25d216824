import { MAX_RECORD_CHARS } from './limits';

/** A JSON object as `JSON.parse` returns it, before any checking of fields. */
export type JsonObject = { [key: string]: unknown };

/** Either the parsed object or the reason it is not one. */
export type ParsedJson =
  | { readonly ok: true; readonly value: JsonObject }
  | { readonly ok: false; readonly reason: string };

const BYTE_ORDER_MARK = 0xfeff;

/**
 * Parses one record's text as a JSON object, refusing oversize text and any
 * JSON value that is not an object. A byte-order mark in front (the first
 * line of a file saved by some Windows tools) is ignored. Never throws.
 */
export function parseJsonObject(input: string): ParsedJson {
  const text = input.charCodeAt(0) === BYTE_ORDER_MARK ? input.slice(1) : input;
  if (text.length > MAX_RECORD_CHARS) {
    return {
      ok: false,
      reason: `record of ${text.length} characters exceeds the limit of ${MAX_RECORD_CHARS}`,
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON: ${(error as Error).message}` };
  }
  if (!isJsonObject(value)) {
    return { ok: false, reason: `not a JSON object: ${describeJson(value)}` };
  }
  return { ok: true, value };
}

/** True for a plain JSON object (not null, not an array). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
