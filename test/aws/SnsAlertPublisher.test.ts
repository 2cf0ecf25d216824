import type { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import type { Alert } from '../../lambda/alerts/Alert';
import {
  SnsAlertPublisher,
  toSubject,
} from '../../lambda/aws/SnsAlertPublisher';

function capture(): { client: SNSClient; sent: PublishCommand[] } {
  const sent: PublishCommand[] = [];
  const client = {
    send: async (command: PublishCommand) => {
      sent.push(command);
      return {};
    },
  } as unknown as SNSClient;
  return { client, sent };
}

const ALERT: Alert = {
  id: '7f0c3b1a9d2e4f5a6b7c8d9e0f1a2b3c',
  rule: {
    id: 'rule-1',
    name: 'Remote Management Access Launch After MSI Install',
    version: 3,
    severity: 'medium',
    riskScore: 47,
    tags: [],
    references: [],
    tactics: [],
    techniques: [],
  },
  joinKey: ['host-1'],
  host: { id: 'host-1', name: 'WKS-042' },
  events: [],
  spanMs: 20_000,
  detectedAt: '2026-11-02T09:05:00.000Z',
};

describe('SnsAlertPublisher', () => {
  it('publishes JSON for default and https, text for email, and filterable attributes', async () => {
    const { client, sent } = capture();
    await new SnsAlertPublisher(
      client,
      'arn:aws:sns:eu-west-1:1:a',
    ).publishAlert(ALERT);
    const input = sent[0]?.input;
    expect(input?.MessageStructure).toBe('json');
    expect(input?.Subject).toBe(
      '[medium] Remote Management Access Launch After MSI Install on WKS-042',
    );
    const message = JSON.parse(input?.Message as string);
    expect(JSON.parse(message.default)).toEqual(ALERT);
    expect(message.https).toBe(message.default);
    expect(message.email).toContain('WKS-042');
    expect(input?.MessageAttributes).toEqual({
      kind: { DataType: 'String', StringValue: 'alert' },
      rule_id: { DataType: 'String', StringValue: 'rule-1' },
      severity: { DataType: 'String', StringValue: 'medium' },
      risk_score: { DataType: 'Number', StringValue: '47' },
      alert_id: { DataType: 'String', StringValue: ALERT.id },
      host_id: { DataType: 'String', StringValue: 'host-1' },
    });
    expect(input?.MessageDeduplicationId).toBeUndefined();
  });

  it('deduplicates by alert id on a FIFO topic', async () => {
    const { client, sent } = capture();
    await new SnsAlertPublisher(
      client,
      'arn:aws:sns:eu-west-1:1:alerts.fifo',
    ).publishAlert(ALERT);
    expect(sent[0]?.input.MessageDeduplicationId).toBe(ALERT.id);
    expect(sent[0]?.input.MessageGroupId).toBe('rule-1');
  });

  it('publishes a summary with the exact count and every host', async () => {
    const { client, sent } = capture();
    await new SnsAlertPublisher(
      client,
      'arn:aws:sns:eu-west-1:1:a',
    ).publishSummary({
      rule: ALERT.rule,
      count: 3,
      hosts: ['WKS-1', 'WKS-2'],
      alertIds: ['a', 'b', 'c'],
      detectedAt: '2026-11-02T09:05:00.000Z',
    });
    const input = sent[0]?.input;
    expect(input?.Subject).toBe(
      '[medium] Remote Management Access Launch After MSI Install: 3 more alerts on 2 hosts',
    );
    const document = JSON.parse(JSON.parse(input?.Message as string).default);
    expect(document).toMatchObject({ kind: 'summary', count: 3, hostCount: 2 });
  });
});

describe('toSubject', () => {
  it('keeps a subject SNS accepts: ASCII, one line, under 100 characters', () => {
    const subject = toSubject(`[high] Ünïcode\nrule ${'x'.repeat(200)} 🚨`);
    expect(subject.startsWith('[high] Unicode rule xxx')).toBe(true);
    expect(subject.length).toBe(99);
    expect(subject.endsWith('...')).toBe(true);
    expect(/^[\x20-\x7e]*$/.test(subject)).toBe(true);
  });
});
