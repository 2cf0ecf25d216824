import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import type { BucketChoice } from '../config/DetectorConfig';

/** Properties of {@link ArchiveBucket}. */
export interface ArchiveBucketProps {
  readonly choice: BucketChoice;
}

/**
 * The bucket that holds the EDR exports. Usually an existing bucket,
 * imported by name and left as it is; otherwise a new one that is
 * encrypted, versioned, private, TLS-only and access-logged.
 */
export class ArchiveBucket extends Construct {
  readonly bucket: IBucket;

  constructor(scope: Construct, id: string, props: ArchiveBucketProps) {
    super(scope, id);
    this.bucket =
      props.choice.mode === 'import'
        ? Bucket.fromBucketName(this, 'Imported', props.choice.name)
        : this.createBucket();
  }

  private createBucket(): IBucket {
    const logs = new Bucket(this, 'AccessLogs', {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    return new Bucket(this, 'Archive', {
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'archive/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
