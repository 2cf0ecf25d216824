import type { Alert } from '../alerts/Alert';

/**
 * Alerts of one rule that were not published one by one because the
 * invocation reached its per-rule limit; they go out as one message.
 */
export interface AlertSummary {
  readonly rule: Alert['rule'];
  readonly count: number;
  /** Host names (else ids) of the summarised alerts, each once. */
  readonly hosts: readonly string[];
  readonly alertIds: readonly string[];
  readonly detectedAt: string;
}

/** Sends alerts somewhere people see them (SNS in AWS). */
export interface AlertPublisher {
  publishAlert(alert: Alert): Promise<void>;
  publishSummary(summary: AlertSummary): Promise<void>;
}
