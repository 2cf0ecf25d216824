import type { Readable } from 'node:stream';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ObjectUnavailableError, TransientAwsError } from './errors';
import type { ObjectRef } from './parseTrigger';

const MISSING = new Set(['NoSuchKey', 'NoSuchBucket', 'NotFound']);
const DENIED = new Set(['AccessDenied', 'Forbidden', 'KMS.AccessDenied']);

/**
 * Streams an S3 object's bytes, so that memory stays flat whatever its
 * size. A missing object or a refused read becomes ObjectUnavailableError
 * (not worth retrying); any other failure, including a connection dropped
 * mid-stream, becomes TransientAwsError.
 *
 * @example
 * for await (const chunk of readS3Object(s3, { bucket, key, size: null })) {}
 */
export async function* readS3Object(
  client: S3Client,
  ref: ObjectRef,
): AsyncGenerator<Buffer> {
  let body: Readable;
  try {
    const output = await client.send(
      new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }),
    );
    body = output.Body as Readable;
  } catch (error) {
    throw classify(error, ref);
  }
  try {
    for await (const chunk of body) {
      yield Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    }
  } catch (error) {
    throw new TransientAwsError(`s3://${ref.bucket}/${ref.key}: read failed`, {
      cause: error,
    });
  } finally {
    body.destroy();
  }
}

function classify(error: unknown, ref: ObjectRef): Error {
  const name = (error as { name?: string }).name ?? '';
  const status = (error as { $metadata?: { httpStatusCode?: number } })
    .$metadata?.httpStatusCode;
  if (MISSING.has(name) || status === 404) {
    return new ObjectUnavailableError(ref.bucket, ref.key, 'missing', {
      cause: error,
    });
  }
  if (DENIED.has(name) || status === 403) {
    return new ObjectUnavailableError(ref.bucket, ref.key, 'denied', {
      cause: error,
    });
  }
  return new TransientAwsError(`s3://${ref.bucket}/${ref.key}: get failed`, {
    cause: error,
  });
}
