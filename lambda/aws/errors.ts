/**
 * Base class of every error the AWS adapters raise. Callers switch on the
 * subclass; `retryable` says whether failing the message (so that SQS or the
 * Lambda service delivers it again) can help.
 */
export class AwsAdapterError extends Error {
  override name = 'AwsAdapterError';
  readonly retryable: boolean;

  constructor(message: string, retryable: boolean, options?: ErrorOptions) {
    super(message, options);
    this.retryable = retryable;
  }
}

/** The environment holds one or more invalid settings; all are listed. */
export class ConfigError extends AwsAdapterError {
  override name = 'ConfigError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid configuration:\n- ${problems.join('\n- ')}`, false);
    this.problems = problems;
  }
}

/** A trigger event (or one SQS message body) has a shape we do not know. */
export class UnrecognisedTriggerError extends AwsAdapterError {
  override name = 'UnrecognisedTriggerError';
  constructor(detail: string, options?: ErrorOptions) {
    super(`unrecognised trigger: ${detail}`, false, options);
  }
}

/**
 * The object is gone or we may not read it. Retrying cannot help: S3 does
 * not bring a deleted object back and a policy change is an operator's job.
 */
export class ObjectUnavailableError extends AwsAdapterError {
  override name = 'ObjectUnavailableError';
  readonly bucket: string;
  readonly key: string;
  readonly reason: 'missing' | 'denied';

  constructor(
    bucket: string,
    key: string,
    reason: 'missing' | 'denied',
    options?: ErrorOptions,
  ) {
    super(`s3://${bucket}/${key}: ${reason}`, false, options);
    this.bucket = bucket;
    this.key = key;
    this.reason = reason;
  }
}

/**
 * Another writer kept winning the race for one group item. The message
 * fails and is delivered again; by then the other writer is done.
 */
export class StateConflictError extends AwsAdapterError {
  override name = 'StateConflictError';
  readonly pk: string;
  readonly attempts: number;

  constructor(pk: string, attempts: number) {
    super(`state item ${pk}: still conflicting after ${attempts} tries`, true);
    this.pk = pk;
    this.attempts = attempts;
  }
}

/** A DynamoDB, S3 or SNS call failed in a way a later retry may fix. */
export class TransientAwsError extends AwsAdapterError {
  override name = 'TransientAwsError';
  constructor(message: string, options?: ErrorOptions) {
    super(message, true, options);
  }
}

/**
 * Publishing alerts failed. The alerts stay in their groups' outboxes, so
 * the next delivery of the message (or any later object of the same host)
 * publishes them.
 */
export class PublishError extends AwsAdapterError {
  override name = 'PublishError';
  readonly alertIds: readonly string[];

  constructor(alertIds: readonly string[], options?: ErrorOptions) {
    super(`could not publish ${alertIds.length} alert(s)`, true, options);
    this.alertIds = alertIds;
  }
}

/**
 * An alert is being published by another invocation that may still be
 * running. The message fails; once that invocation's time is up, a retry
 * takes the alert over.
 */
export class AlertInFlightError extends AwsAdapterError {
  override name = 'AlertInFlightError';
  readonly alertId: string;

  constructor(alertId: string) {
    super(`alert ${alertId} is being published by another invocation`, true);
    this.alertId = alertId;
  }
}
