import { UnrecognisedTriggerError } from './errors';

/** One S3 object to scan. `key` is decoded: the real object key. */
export interface ObjectRef {
  readonly bucket: string;
  readonly key: string;
  readonly size: number | null;
}

/**
 * A unit that succeeds or fails as a whole: one SQS message, or the whole
 * event when the function is invoked directly (`messageId` null). `error` is
 * set when the message could not be read at all.
 */
export interface TriggerMessage {
  readonly messageId: string | null;
  readonly objects: readonly ObjectRef[];
  readonly error: UnrecognisedTriggerError | null;
}

/** What one invocation has to do, and how to report failures. */
export interface Trigger {
  /** `sqs`: report failures as `batchItemFailures`; `direct`: throw. */
  readonly kind: 'sqs' | 'direct';
  readonly messages: readonly TriggerMessage[];
}

type Json = Record<string, unknown>;

/**
 * Reads any trigger the function accepts: an S3 event notification, an SQS
 * batch whose bodies are S3 notifications, SNS envelopes of them (also
 * delivered to the function directly by SNS), EventBridge
 * "Object Created" events or CrowdStrike FDR notifications, and EventBridge
 * events delivered directly. Keys of S3 notifications and EventBridge events
 * are URL-encoded (a space is `+`) and are decoded here; FDR paths are plain.
 * An `s3:TestEvent`, and any event that is not an object creation, gives no
 * objects.
 */
export function parseTrigger(event: unknown): Trigger {
  if (isSqsBatch(event)) {
    const records = (event as Json).Records as Json[];
    return { kind: 'sqs', messages: records.map(readSqsRecord) };
  }
  return {
    kind: 'direct',
    messages: [{ messageId: null, objects: readBody(event), error: null }],
  };
}

function isSqsBatch(event: unknown): boolean {
  if (!isObject(event) || !Array.isArray(event.Records)) return false;
  const first: unknown = event.Records[0];
  return isObject(first) && first.eventSource === 'aws:sqs';
}

function readSqsRecord(record: Json): TriggerMessage {
  const messageId = String(record.messageId ?? '');
  try {
    const body = JSON.parse(String(record.body ?? '')) as unknown;
    return { messageId, objects: readBody(body), error: null };
  } catch (error) {
    const problem =
      error instanceof UnrecognisedTriggerError
        ? error
        : new UnrecognisedTriggerError(`SQS message ${messageId} body`, {
            cause: error,
          });
    return { messageId, objects: [], error: problem };
  }
}

function readBody(body: unknown): ObjectRef[] {
  if (!isObject(body)) throw new UnrecognisedTriggerError('not an object');
  if (body.Event === 's3:TestEvent') return [];
  if (Array.isArray(body.Records)) return readS3Records(body.Records);
  if (body.source === 'aws.s3' && isObject(body.detail)) {
    return readEventBridge(body);
  }
  if (typeof body.bucket === 'string' && Array.isArray(body.files)) {
    return readFdrNotification(body.bucket, body.files);
  }
  if (body.Type === 'Notification' && typeof body.Message === 'string') {
    return readBody(parseJson(body.Message, 'SNS Message'));
  }
  throw new UnrecognisedTriggerError(
    `keys ${Object.keys(body).slice(0, 8).join(', ')}`,
  );
}

function readS3Records(records: unknown[]): ObjectRef[] {
  const objects: ObjectRef[] = [];
  for (const record of records) {
    // S3 -> SNS -> Lambda: each record carries the notification as text.
    if (isObject(record) && isObject(record.Sns)) {
      const message = String(record.Sns.Message ?? '');
      objects.push(...readBody(parseJson(message, 'SNS Message')));
      continue;
    }
    if (!isObject(record) || !isObject(record.s3)) {
      throw new UnrecognisedTriggerError('an S3 record without "s3"');
    }
    if (!String(record.eventName ?? '').startsWith('ObjectCreated')) continue;
    const s3 = record.s3;
    const bucket = isObject(s3.bucket) ? s3.bucket.name : undefined;
    const object = isObject(s3.object) ? s3.object : {};
    objects.push(makeRef(bucket, object.key, object.size, true));
  }
  return objects;
}

function readEventBridge(event: Json): ObjectRef[] {
  if (event['detail-type'] !== 'Object Created') return [];
  const detail = event.detail as Json;
  const bucket = isObject(detail.bucket) ? detail.bucket.name : undefined;
  const object = isObject(detail.object) ? detail.object : {};
  return [makeRef(bucket, object.key, object.size, true)];
}

function readFdrNotification(bucket: string, files: unknown[]): ObjectRef[] {
  return files.map((file) => {
    const entry = isObject(file) ? file : {};
    return makeRef(bucket, entry.path, entry.size, false);
  });
}

function makeRef(
  bucket: unknown,
  key: unknown,
  size: unknown,
  encoded: boolean,
): ObjectRef {
  if (typeof bucket !== 'string' || bucket === '') {
    throw new UnrecognisedTriggerError('an object without a bucket name');
  }
  if (typeof key !== 'string' || key === '') {
    throw new UnrecognisedTriggerError(`an object in ${bucket} without a key`);
  }
  return {
    bucket,
    key: encoded ? decodeKey(key) : key,
    size: typeof size === 'number' ? size : null,
  };
}

/** S3 notifications encode keys as a form would: `+` is a space. */
function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' '));
  } catch (error) {
    throw new UnrecognisedTriggerError(`key "${key}" is badly encoded`, {
      cause: error,
    });
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UnrecognisedTriggerError(`${what} is not JSON`, { cause: error });
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
