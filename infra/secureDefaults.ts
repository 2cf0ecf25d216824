import { Duration } from 'aws-cdk-lib';

/**
 * Sizing and safety settings of the stack, kept apart from the constructs
 * that use them so that a review finds every choice, and its reason, here.
 */
export const SECURE_DEFAULTS = {
  /**
   * 1,769 MB is where Lambda gives a function one full vCPU. Decoding is
   * CPU-bound (gunzip, then scanning), so less memory means a slower CPU
   * share and a longer, not cheaper, run; memory use itself stays flat
   * (streams, under 256 MB) whatever the object size.
   */
  functionMemoryMb: 1769,
  /**
   * Five minutes reads a multi-gigabyte object at the detector's measured
   * rate (over 100 MB/s decompressed on one vCPU) with room to spare.
   */
  functionTimeout: Duration.minutes(5),
  /**
   * AWS advises a visibility timeout of six times the function timeout for
   * SQS event sources, so a message is not redelivered while a slow batch
   * is still being processed and retried.
   */
  visibilityTimeoutFactor: 6,
  /** Deliveries before a message moves to the dead-letter queue. */
  maxReceiveCount: 5,
  /** Objects per invocation; each is its own batch item. */
  batchSize: 10,
  /** Dead letters are kept for the longest time SQS allows: 14 days. */
  deadLetterRetention: Duration.days(14),
  /** Function logs are kept a year, long enough for an incident review. */
  logRetentionDays: 365,
  /** Alarm when the oldest queued object has waited this long. */
  maxQueueAgeSeconds: 15 * 60,
} as const;
