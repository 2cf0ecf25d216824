import type { Alert } from './Alert';

/**
 * A one-line summary of an alert, used as the heading of the terminal
 * output and as an email subject:
 * `[medium] Remote Management Access Launch After MSI Install on WKS-042`.
 * The host is named by its name, else its id, else "an unknown host".
 */
export function formatAlertSubject(alert: Alert): string {
  const host = alert.host.name ?? alert.host.id ?? 'an unknown host';
  return `[${alert.rule.severity}] ${alert.rule.name} on ${host}`;
}
