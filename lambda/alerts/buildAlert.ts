import type { EcsDocument } from '../ecs/EcsDocument';
import type { Candidate, Match } from '../engine/types';
import { getField } from '../eql/fieldValue';
import type { LoadedRule } from '../rules/LoadedRule';
import type { Rule } from '../rules/Rule';
import type { Alert, AlertEvent } from './Alert';
import { alertId } from './alertId';

/** What an alert needs besides the rule and the events. */
export interface AlertContext {
  /**
   * Host names by host id, for sources whose events carry only the id
   * (CrowdStrike FDR names hosts in separate aidmaster records).
   */
  readonly hostNames: ReadonlyMap<string, string>;
  /** When the match was detected; injected so that tests fix the clock. */
  readonly detectedAt: Date;
}

/**
 * Builds the alert for a completed sequence or sample (a Match), or for a
 * single event that satisfied an event query (a Candidate).
 *
 * @example
 * const alert = buildAlert(loaded, match, {
 *   hostNames: new Map(),
 *   detectedAt: new Date(),
 * });
 */
export function buildAlert(
  loaded: LoadedRule,
  found: Match | Candidate,
  context: AlertContext,
): Alert {
  const candidates = 'events' in found ? found.events : [found];
  const joinKey = 'events' in found ? found.joinKey : [];
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  return {
    id: alertId(
      loaded.rule.id,
      candidates.map((candidate) => candidate.id),
    ),
    rule: describeRule(loaded.rule),
    joinKey,
    host: findHost(candidates, context.hostNames),
    events: candidates.map(toAlertEvent),
    spanMs: first && last ? last.timestamp - first.timestamp : 0,
    detectedAt: context.detectedAt.toISOString(),
  };
}

function describeRule(rule: Rule): Alert['rule'] {
  const tactics = new Map<string, string>();
  const techniques = new Map<string, string>();
  for (const threat of rule.threat) {
    tactics.set(threat.tactic.id, threat.tactic.name);
    for (const technique of threat.techniques) {
      techniques.set(technique.id, technique.name);
      for (const sub of technique.subtechniques) {
        techniques.set(sub.id, sub.name);
      }
    }
  }
  return {
    id: rule.id,
    name: rule.name,
    version: rule.version,
    severity: rule.severity,
    riskScore: rule.riskScore,
    tags: rule.tags,
    references: rule.references,
    tactics: [...tactics].map(([id, name]) => ({ id, name })),
    techniques: [...techniques].map(([id, name]) => ({ id, name })),
  };
}

function findHost(
  candidates: readonly Candidate[],
  hostNames: ReadonlyMap<string, string>,
): Alert['host'] {
  const id = firstOf(candidates, 'host.id');
  const name =
    firstOf(candidates, 'host.name') ??
    (id === null ? undefined : hostNames.get(id)) ??
    null;
  return { id, name };
}

// The first event that has the field decides; events of one match share
// their join key, so for `sequence by host.id` they agree anyway.
function firstOf(
  candidates: readonly Candidate[],
  field: string,
): string | null {
  for (const candidate of candidates) {
    const value = readText(candidate.event, field);
    if (value !== null) return value;
  }
  return null;
}

function toAlertEvent(candidate: Candidate): AlertEvent {
  const { event } = candidate;
  return {
    id: candidate.id,
    timestamp: new Date(candidate.timestamp).toISOString(),
    processName: readText(event, 'process.name'),
    executable: readText(event, 'process.executable'),
    commandLine: readText(event, 'process.command_line'),
    args: readArgs(event),
    pid: readNumber(event, 'process.pid'),
    parentName: readText(event, 'process.parent.name'),
    userName: readText(event, 'user.name'),
    source: candidate.source,
  };
}

function readText(event: EcsDocument, field: string): string | null {
  const value = getField(event, field);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return null;
}

function readNumber(event: EcsDocument, field: string): number | null {
  const value = getField(event, field);
  const number =
    typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

function readArgs(event: EcsDocument): string[] | null {
  const value = getField(event, 'process.args');
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return null;
  return value.map((arg) => (typeof arg === 'string' ? arg : String(arg)));
}
