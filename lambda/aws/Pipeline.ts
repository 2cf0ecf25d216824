import type { LoadedRule } from '../rules/LoadedRule';
import type { AlertPublisher } from './AlertPublisher';
import type { DetectionEngine } from './DetectionEngine';
import type { PrefixFormat } from './parsePrefixFormats';
import type { ObjectRef } from './parseTrigger';
import type { StateStore } from './StateStore';
import type { Log, MetricSink } from './Telemetry';

/** Tunables of the pipeline, read from the environment by the handler. */
export interface PipelineSettings {
  readonly latenessMs: number;
  readonly maxCandidatesPerKey: number;
  readonly maxAlertsPerInvocation: number;
  readonly prefixFormats: readonly PrefixFormat[];
  /** Tries of one group write before the message fails; default 8. */
  readonly maxWriteAttempts?: number;
}

/**
 * Everything the processing of objects needs, injected: the pure engine,
 * the rules, the three AWS adapters, telemetry and time. The Lambda handler
 * and the `detect s3://` command build one each.
 */
export interface Pipeline {
  readonly engine: DetectionEngine;
  readonly rules: readonly LoadedRule[];
  readonly store: StateStore;
  readonly publisher: AlertPublisher;
  /** Streams an object's bytes; throws ObjectUnavailableError when gone. */
  readonly readObject: (ref: ObjectRef) => AsyncIterable<Buffer>;
  readonly log: Log;
  readonly metrics: MetricSink;
  /** Wall-clock time in epoch ms. */
  readonly clock: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly settings: PipelineSettings;
}
