/**
 * Structured logging as the adapters use it. Powertools' Logger satisfies
 * it; tests pass a silent one. Attributes always name the object, and the
 * rule where there is one.
 */
export interface Log {
  debug(message: string, attributes?: Record<string, unknown>): void;
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

/** The metrics eqlambda emits, all in the `eqlambda` namespace. */
export type MetricName =
  | 'Objects'
  | 'ObjectsUnavailable'
  | 'ObjectsDamaged'
  | 'Bytes'
  | 'Records'
  | 'Events'
  | 'Candidates'
  | 'MalformedRecords'
  | 'LateCandidates'
  | 'Evictions'
  | 'StateCapped'
  | 'StateConflicts'
  | 'Alerts'
  | 'AlertsSummarised'
  | 'AlertsInFlight'
  | 'PublishFailures'
  | 'AlertLatency';

/** The unit of each metric, as CloudWatch names it. */
export const METRIC_UNITS: Readonly<
  Record<MetricName, 'Count' | 'Bytes' | 'Milliseconds'>
> = {
  Objects: 'Count',
  ObjectsUnavailable: 'Count',
  ObjectsDamaged: 'Count',
  Bytes: 'Bytes',
  Records: 'Count',
  Events: 'Count',
  Candidates: 'Count',
  MalformedRecords: 'Count',
  LateCandidates: 'Count',
  Evictions: 'Count',
  StateCapped: 'Count',
  StateConflicts: 'Count',
  Alerts: 'Count',
  AlertsSummarised: 'Count',
  AlertsInFlight: 'Count',
  PublishFailures: 'Count',
  AlertLatency: 'Milliseconds',
};

/** Receives metric values; the handler backs it with Powertools Metrics. */
export interface MetricSink {
  add(name: MetricName, value: number): void;
}

/** A log that drops everything, for callers that want quiet. */
export const SILENT_LOG: Log = {
  debug() {},
  info() {},
  warn() {},
  error() {},
};
