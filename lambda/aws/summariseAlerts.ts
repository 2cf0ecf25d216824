import type { Alert } from '../alerts/Alert';
import type { AlertSummary } from './AlertPublisher';

/** The summary message standing for `alerts`, all of one rule. */
export function summariseAlerts(
  alerts: readonly Alert[],
  now: number,
): AlertSummary {
  const first = alerts[0];
  if (first === undefined) throw new RangeError('no alerts to summarise');
  const hosts = new Set<string>();
  for (const alert of alerts) {
    hosts.add(alert.host.name ?? alert.host.id ?? 'an unknown host');
  }
  return {
    rule: first.rule,
    count: alerts.length,
    hosts: [...hosts].sort(),
    alertIds: alerts.map((alert) => alert.id),
    detectedAt: new Date(now).toISOString(),
  };
}
