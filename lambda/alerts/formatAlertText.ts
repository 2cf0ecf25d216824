import type { Alert, AlertEvent } from './Alert';
import { formatAlertSubject } from './formatAlertSubject';
import { formatSourceRef } from './formatSourceRef';

/**
 * An alert as a plain-text block for a terminal or an email body: the
 * subject line, the rule, host and ATT&CK mapping, then each event with its
 * time, process, command line and where it was read from.
 *
 * @example
 * stdout.write(`${formatAlertText(alert)}\n`);
 */
export function formatAlertText(alert: Alert): string {
  const { rule, host } = alert;
  const lines = [
    formatAlertSubject(alert),
    field('rule', `${rule.name} (${rule.id}, version ${rule.version})`),
    field('risk', `${rule.riskScore} (${rule.severity})`),
    field('host', formatHost(host)),
  ];
  if (rule.tactics.length > 0) {
    lines.push(field('tactics', formatEntries(rule.tactics)));
  }
  if (rule.techniques.length > 0) {
    lines.push(field('techniques', formatEntries(rule.techniques)));
  }
  lines.push(
    field('span', formatSpan(alert.spanMs)),
    field('detected', alert.detectedAt),
    field('alert id', alert.id),
    'events:',
  );
  alert.events.forEach((event, index) => {
    lines.push(...formatEvent(event, index + 1));
  });
  return lines.join('\n');
}

function field(label: string, value: string): string {
  return `  ${`${label}:`.padEnd(12)}${value}`;
}

function formatHost(host: Alert['host']): string {
  if (host.name !== null && host.id !== null) {
    return `${host.name} (id ${host.id})`;
  }
  return host.name ?? host.id ?? 'unknown';
}

function formatEntries(
  entries: readonly { readonly id: string; readonly name: string }[],
): string {
  return entries.map((entry) => `${entry.id} ${entry.name}`).join(', ');
}

function formatSpan(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 3)} s`;
}

function formatEvent(event: AlertEvent, number: number): string[] {
  const facts = [
    event.pid === null ? null : `pid ${event.pid}`,
    event.parentName === null ? null : `parent ${event.parentName}`,
    event.userName === null ? null : `user ${event.userName}`,
  ].filter((fact) => fact !== null);
  const name = event.processName ?? event.executable ?? '(no process name)';
  const details = facts.length > 0 ? ` (${facts.join(', ')})` : '';
  const lines = [`  ${number}. ${event.timestamp}  ${name}${details}`];
  const command = event.commandLine ?? event.args?.join(' ') ?? null;
  if (command !== null) lines.push(`     ${command}`);
  lines.push(`     from ${formatSourceRef(event.source)}`);
  return lines;
}
