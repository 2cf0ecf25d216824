import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { ObjectRef } from '../lambda/aws/parseTrigger';
import { UsageError } from './errors';

/** Reads `s3://BUCKET/PREFIX` into its bucket and key prefix. */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!match?.[1]) {
    throw new UsageError(
      `${JSON.stringify(url)} is not an S3 location; write s3://BUCKET/PREFIX`,
    );
  }
  return { bucket: match[1], prefix: match[2] ?? '' };
}

/**
 * Every object under `s3://BUCKET/PREFIX`, in key order, page by page.
 * Folder markers (keys ending in `/`) are left out.
 */
export async function awsListObjects(
  client: S3Client,
  url: string,
): Promise<ObjectRef[]> {
  const { bucket, prefix } = parseS3Url(url);
  const refs: ObjectRef[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: prefix,
        ContinuationToken: token,
      }),
    );
    for (const object of page.Contents ?? []) {
      if (!object.Key || object.Key.endsWith('/')) continue;
      refs.push({ bucket, key: object.Key, size: object.Size ?? null });
    }
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return refs;
}
