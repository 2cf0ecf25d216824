import {
  type MessageAttributeValue,
  PublishCommand,
  type SNSClient,
} from '@aws-sdk/client-sns';
import type { Alert } from '../alerts/Alert';
import { formatAlertSubject } from '../alerts/formatAlertSubject';
import { formatAlertText } from '../alerts/formatAlertText';
import type { AlertPublisher, AlertSummary } from './AlertPublisher';

// SNS refuses a subject of 100 characters or more, or one with non-ASCII
// or control characters.
const SUBJECT_MAX = 99;
// A summary lists this many ids and hosts; the count is always exact.
const SUMMARY_LIST_MAX = 500;

/**
 * Publishes alerts to an SNS topic with a JSON message structure: the alert
 * document as JSON for `default` (SQS, Lambda) and `https`, readable text
 * for `email`. Message attributes `rule_id`, `severity`, `risk_score`
 * (Number), `host_id`, `alert_id` and `kind` (`alert` or `summary`) let
 * subscriptions filter. On a FIFO topic the alert id is also the
 * deduplication id, which closes the duplicate window SNS standard topics
 * leave open.
 *
 * @example
 * const publisher = new SnsAlertPublisher(new SNSClient({}), topicArn);
 */
export class SnsAlertPublisher implements AlertPublisher {
  readonly #client: SNSClient;
  readonly #topicArn: string;

  constructor(client: SNSClient, topicArn: string) {
    this.#client = client;
    this.#topicArn = topicArn;
  }

  async publishAlert(alert: Alert): Promise<void> {
    const json = JSON.stringify(alert);
    await this.#publish({
      subject: formatAlertSubject(alert),
      json,
      text: formatAlertText(alert),
      attributes: {
        kind: text('alert'),
        rule_id: text(alert.rule.id),
        severity: text(alert.rule.severity),
        risk_score: number(alert.rule.riskScore),
        alert_id: text(alert.id),
        ...(alert.host.id ? { host_id: text(alert.host.id) } : {}),
      },
      groupId: alert.rule.id,
      dedupeId: alert.id,
    });
  }

  async publishSummary(summary: AlertSummary): Promise<void> {
    const hosts = summary.hosts.slice(0, SUMMARY_LIST_MAX);
    const alertIds = summary.alertIds.slice(0, SUMMARY_LIST_MAX);
    const document = {
      kind: 'summary',
      rule: summary.rule,
      count: summary.count,
      hostCount: summary.hosts.length,
      hosts,
      alertIds,
      listsTruncated:
        hosts.length < summary.hosts.length ||
        alertIds.length < summary.alertIds.length,
      detectedAt: summary.detectedAt,
    };
    await this.#publish({
      subject:
        `[${summary.rule.severity}] ${summary.rule.name}: ` +
        `${summary.count} more alerts on ${summary.hosts.length} hosts`,
      json: JSON.stringify(document),
      text: summaryText(summary, hosts, alertIds),
      attributes: {
        kind: text('summary'),
        rule_id: text(summary.rule.id),
        severity: text(summary.rule.severity),
        risk_score: number(summary.rule.riskScore),
      },
      groupId: summary.rule.id,
      dedupeId: alertIds[0] ?? summary.detectedAt,
    });
  }

  async #publish(message: {
    subject: string;
    json: string;
    text: string;
    attributes: Record<string, MessageAttributeValue>;
    groupId: string;
    dedupeId: string;
  }): Promise<void> {
    const fifo = this.#topicArn.endsWith('.fifo');
    await this.#client.send(
      new PublishCommand({
        TopicArn: this.#topicArn,
        Subject: toSubject(message.subject),
        MessageStructure: 'json',
        Message: JSON.stringify({
          default: message.json,
          https: message.json,
          email: message.text,
        }),
        MessageAttributes: message.attributes,
        ...(fifo
          ? {
              MessageGroupId: message.groupId,
              MessageDeduplicationId: message.dedupeId,
            }
          : {}),
      }),
    );
  }
}

/** Makes any text an acceptable SNS subject: ASCII, one line, < 100. */
export function toSubject(raw: string): string {
  const ascii = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .trim();
  if (ascii.length <= SUBJECT_MAX) return ascii;
  return `${ascii.slice(0, SUBJECT_MAX - 3)}...`;
}

// SNS takes 256 KB per message, so the lists are cut; the counts are not.
function summaryText(
  summary: AlertSummary,
  hosts: readonly string[],
  alertIds: readonly string[],
): string {
  const more = (shown: number, all: number) =>
    shown < all ? ` and ${all - shown} more` : '';
  return [
    `${summary.count} more alerts of "${summary.rule.name}" ` +
      `(${summary.rule.severity}, risk ${summary.rule.riskScore}) ` +
      'went past the per-invocation alert limit and are summarised here.',
    `hosts (${summary.hosts.length}): ${hosts.join(', ')}` +
      more(hosts.length, summary.hosts.length),
    `alert ids: ${alertIds.join(', ')}` +
      more(alertIds.length, summary.alertIds.length),
    `detected: ${summary.detectedAt}`,
  ].join('\n');
}

function text(value: string): MessageAttributeValue {
  return { DataType: 'String', StringValue: value };
}

function number(value: number): MessageAttributeValue {
  return { DataType: 'Number', StringValue: String(value) };
}
