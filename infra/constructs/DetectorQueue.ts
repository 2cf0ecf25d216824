import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SECURE_DEFAULTS } from '../secureDefaults';

/** Properties of {@link DetectorQueue}. */
export interface DetectorQueueProps {
  /** The timeout of the function that consumes the queue. */
  readonly functionTimeout: Duration;
}

/**
 * The queue between the bucket's notifications and the function, with a
 * dead-letter queue for objects that keep failing. Both are encrypted and
 * accept only TLS.
 */
export class DetectorQueue extends Construct {
  readonly queue: Queue;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: DetectorQueueProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: SECURE_DEFAULTS.deadLetterRetention,
    });
    const seconds =
      props.functionTimeout.toSeconds() *
      SECURE_DEFAULTS.visibilityTimeoutFactor;
    this.queue = new Queue(this, 'Objects', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: Duration.seconds(seconds),
      deadLetterQueue: {
        queue: this.deadLetterQueue,
        maxReceiveCount: SECURE_DEFAULTS.maxReceiveCount,
      },
    });
  }
}
