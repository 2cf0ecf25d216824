/** Severities in increasing order; a minimum severity admits itself and above. */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

export type Severity = (typeof SEVERITIES)[number];

/** Where the exports are: an existing bucket by name, or one the stack makes. */
export type BucketChoice =
  | { readonly mode: 'import'; readonly name: string }
  | { readonly mode: 'create' };

/**
 * A key prefix the detector watches. `format` names a decoder and overrides
 * format detection for objects under the prefix; null means detect.
 */
export interface WatchedPrefix {
  readonly prefix: string;
  readonly format: string | null;
}

/** An alert subscription and the lowest severity it receives. */
export interface AlertSubscription {
  readonly endpoint: string;
  readonly minSeverity: Severity;
}

/** Everything the stack takes from configuration, validated. */
export interface DetectorConfig {
  readonly bucket: BucketChoice;
  /** KMS key of an imported bucket encrypted with SSE-KMS, if any. */
  readonly bucketKeyArn: string | null;
  readonly prefixes: readonly WatchedPrefix[];
  readonly alertEmails: readonly AlertSubscription[];
  readonly webhooks: readonly AlertSubscription[];
  readonly operationsEmails: readonly string[];
  /** As written, such as `24h`; passed to the function as `LATENESS`. */
  readonly latenessAllowance: string;
  readonly maxAlertsPerInvocation: number;
  /** Directory of rule TOML files bundled with the function. */
  readonly rulesDir: string;
}
