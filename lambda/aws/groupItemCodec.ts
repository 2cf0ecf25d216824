import { gunzipSync, gzipSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { Alert } from '../alerts/Alert';
import type { KeyState } from '../engine/KeyState';
import type { GroupRecord } from './StateStore';

/** DynamoDB's hard limit on one item, attribute names included. */
export const ITEM_LIMIT_BYTES = 400 * 1024;

// Below this a JSON payload is stored as text, readable in the console;
// above it gzip usually shrinks event JSON five- to tenfold.
const GZIP_ABOVE_BYTES = 16 * 1024;

type Item = Record<string, AttributeValue>;

/** A group record as a DynamoDB item, and that item's size in bytes. */
export interface EncodedGroup {
  readonly item: Item;
  readonly bytes: number;
}

/**
 * Turns a group record into an item: `state` and `outbox` are JSON, gzipped
 * into a binary attribute when large. The size follows DynamoDB's rule
 * (names plus values) so the caller can check it before writing.
 */
export function encodeGroupItem(record: GroupRecord): EncodedGroup {
  const item: Item = {
    pk: { S: record.pk },
    version: { N: String(record.version) },
    expiresAt: { N: String(record.expiresAt) },
    stateExpiresAt: { N: String(record.stateExpiresAt) },
  };
  if (record.state !== null) item.state = encodePayload(record.state);
  if (record.outbox.length > 0) item.outbox = encodePayload(record.outbox);
  return { item, bytes: measureItem(item) };
}

/** Reads an item written by encodeGroupItem. */
export function decodeGroupItem(item: Item): GroupRecord {
  return {
    pk: item.pk?.S ?? '',
    version: Number(item.version?.N ?? '0'),
    expiresAt: Number(item.expiresAt?.N ?? '0'),
    stateExpiresAt: Number(item.stateExpiresAt?.N ?? item.expiresAt?.N ?? '0'),
    state: item.state ? (decodePayload(item.state) as KeyState) : null,
    outbox: item.outbox ? (decodePayload(item.outbox) as Alert[]) : [],
  };
}

function encodePayload(value: unknown): AttributeValue {
  const text = JSON.stringify(value);
  if (Buffer.byteLength(text) <= GZIP_ABOVE_BYTES) return { S: text };
  return { B: gzipSync(text) };
}

function decodePayload(value: AttributeValue): unknown {
  if (value.S !== undefined) return JSON.parse(value.S);
  if (value.B !== undefined) {
    return JSON.parse(gunzipSync(value.B).toString('utf8'));
  }
  return null;
}

function measureItem(item: Item): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name);
    if (value.S !== undefined) bytes += Buffer.byteLength(value.S);
    // A number counts at most 21 bytes; its text length is a safe bound.
    else if (value.N !== undefined) bytes += value.N.length + 1;
    else if (value.B !== undefined) bytes += value.B.byteLength;
  }
  return bytes;
}
