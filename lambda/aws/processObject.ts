import type { Alert } from '../alerts/Alert';
import type { ScanResult } from '../detector/types';
import type { Candidate, Match } from '../engine/types';
import type { LoadedRule } from '../rules/LoadedRule';
import { advanceGroups, type PendingAlert } from './advanceGroups';
import { ObjectUnavailableError } from './errors';
import type { HostNameCache } from './HostNameCache';
import type { Pipeline } from './Pipeline';
import { formatForKey } from './parsePrefixFormats';
import type { ObjectRef } from './parseTrigger';

/** Per-invocation helpers of processObject. */
export interface ObjectContext {
  readonly hostNames: HostNameCache;
  /**
   * The matcher's "now" for this object; default the wall clock. The
   * command line passes the newest event time it has seen, so that a
   * backfill of old archives is not all late.
   */
  readonly nowFor?: (scan: ScanResult) => number;
  /** Attributes added to every log line (request id). */
  readonly log: Record<string, unknown>;
}

// Host names from aidmaster records are refreshed whenever one arrives;
// a month covers hosts that go quiet for a while.
const HOST_NAME_RETENTION_MS = 30 * 24 * 3_600_000;
const MALFORMED_LOGGED = 5;

/**
 * Scans one object and advances the state of every join key it has
 * candidates for. Returns the alerts now pending delivery: those of
 * single-event rules, and the outboxes of the groups touched. A missing or
 * unreadable object is logged and gives nothing (retrying cannot help);
 * other failures are thrown so that the message is delivered again.
 */
export async function processObject(
  ref: ObjectRef,
  pipeline: Pipeline,
  context: ObjectContext,
): Promise<PendingAlert[]> {
  const object = `s3://${ref.bucket}/${ref.key}`;
  const log = { ...context.log, object };
  let scan: ScanResult;
  try {
    scan = await scanRef(ref, object, pipeline);
  } catch (error) {
    if (!(error instanceof ObjectUnavailableError)) throw error;
    pipeline.metrics.add('ObjectsUnavailable', 1);
    pipeline.log.warn('object skipped', { ...log, reason: error.reason });
    return [];
  }
  report(scan, pipeline, log);
  await rememberHosts(scan, pipeline, context);
  const now = context.nowFor?.(scan) ?? pipeline.clock();
  const alertFor = (rule: LoadedRule, found: Match | Candidate) =>
    buildAlertWithHost(rule, found, pipeline, context.hostNames);
  const single = await Promise.all(
    scan.eventMatches.map(async ({ rule, candidate }) => ({
      alert: await alertFor(rule, candidate),
      pk: null,
    })),
  );
  const grouped = await advanceGroups(
    scan.groups,
    now,
    pipeline,
    alertFor,
    log,
  );
  return [...single, ...grouped];
}

async function scanRef(
  ref: ObjectRef,
  object: string,
  pipeline: Pipeline,
): Promise<ScanResult> {
  // The detector may turn a stream error into its `error` text; keep the
  // typed error so that a missing object and a dropped connection differ.
  let readError: unknown = null;
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      yield* pipeline.readObject(ref);
    } catch (error) {
      readError = error;
      throw error;
    }
  }
  const format = formatForKey(ref.key, pipeline.settings.prefixFormats);
  const scan = await pipeline.engine.scanObject(
    guarded(),
    object,
    pipeline.rules,
    format === undefined ? {} : { format },
  );
  if (readError !== null) throw readError;
  return scan;
}

function report(
  scan: ScanResult,
  pipeline: Pipeline,
  log: Record<string, unknown>,
): void {
  const { metrics, log: logger } = pipeline;
  metrics.add('Objects', 1);
  metrics.add('Bytes', scan.stats.bytes);
  metrics.add('Records', scan.stats.records);
  metrics.add('Events', scan.stats.events);
  metrics.add('Candidates', scan.stats.candidates);
  if (scan.stats.malformed > 0) {
    metrics.add('MalformedRecords', scan.stats.malformed);
    logger.warn('malformed records', {
      ...log,
      count: scan.stats.malformed,
      first: scan.malformed.slice(0, MALFORMED_LOGGED),
    });
  }
  if (scan.error !== null) {
    metrics.add('ObjectsDamaged', 1);
    logger.error('object could not be read to the end', {
      ...log,
      error: scan.error,
    });
  }
  logger.info('object scanned', { ...log, format: scan.format, ...scan.stats });
}

async function rememberHosts(
  scan: ScanResult,
  pipeline: Pipeline,
  context: ObjectContext,
): Promise<void> {
  if (scan.hosts.length === 0) return;
  const names = new Map(scan.hosts.map((h) => [h.hostId, h.hostName]));
  context.hostNames.remember(names);
  const expiresAt = pipeline.clock() + HOST_NAME_RETENTION_MS;
  await pipeline.store.writeHostNames(names, Math.ceil(expiresAt / 1000));
}

// Build once without names; only an alert that lacks a host name costs a
// lookup (CrowdStrike events carry the aid, the name is in aidmaster).
async function buildAlertWithHost(
  rule: LoadedRule,
  found: Match | Candidate,
  pipeline: Pipeline,
  hostNames: HostNameCache,
): Promise<Alert> {
  const detectedAt = new Date(pipeline.clock());
  const alert = pipeline.engine.buildAlert(rule, found, {
    hostNames: new Map(),
    detectedAt,
  });
  if (alert.host.name !== null || alert.host.id === null) return alert;
  const names = await hostNames.lookup([alert.host.id]);
  if (names.size === 0) return alert;
  return pipeline.engine.buildAlert(rule, found, {
    hostNames: names,
    detectedAt,
  });
}
