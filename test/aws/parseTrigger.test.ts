import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UnrecognisedTriggerError } from '../../lambda/aws/errors';
import { parseTrigger } from '../../lambda/aws/parseTrigger';

function sample(name: string): unknown {
  const url = new URL(`../../events/triggers/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8'));
}

function sqsRecord(messageId: string, body: string) {
  return { messageId, body, eventSource: 'aws:sqs' };
}

describe('parseTrigger', () => {
  it('decodes the key of an S3 notification, a plus being a space', () => {
    const trigger = parseTrigger(sample('s3-notification.json'));
    expect(trigger).toEqual({
      kind: 'direct',
      messages: [
        {
          messageId: null,
          error: null,
          objects: [
            {
              bucket: 'edr-exports',
              key: 'defend/2026/11/02/host batch=7.ndjson.gz',
              size: 48213,
            },
          ],
        },
      ],
    });
  });

  it('keeps a literal plus that S3 encoded as %2B', () => {
    const event = {
      Records: [
        {
          eventName: 'ObjectCreated:Put',
          s3: { bucket: { name: 'b' }, object: { key: 'c%2B%2B+notes.log' } },
        },
      ],
    };
    expect(parseTrigger(event).messages[0]?.objects[0]?.key).toBe(
      'c++ notes.log',
    );
  });

  it('reads an SQS batch message by message, ignoring the test event', () => {
    const trigger = parseTrigger(sample('sqs-batch.json'));
    expect(trigger.kind).toBe('sqs');
    const [s3, test, fdr] = trigger.messages;
    expect(s3?.objects.map((object) => object.key)).toEqual([
      'defend/2026/11/02/host batch=7.ndjson.gz',
    ]);
    expect(test?.objects).toEqual([]);
    expect(test?.error).toBeNull();
    expect(fdr?.objects.map((object) => object.bucket)).toEqual([
      'cs-prod-cannon-0123456789ab',
      'cs-prod-cannon-0123456789ab',
    ]);
  });

  it('takes FDR file paths as keys without decoding them', () => {
    const trigger = parseTrigger(sample('crowdstrike-fdr-notification.json'));
    expect(trigger.messages[0]?.objects[1]).toEqual({
      bucket: 'cs-prod-cannon-0123456789ab',
      key: 'data/4a6f0a1e-8d2b-4c1e-9f57-2b3c4d5e6f70/part-00001.gz',
      size: 1093073,
    });
  });

  it('reads an EventBridge Object Created event', () => {
    const trigger = parseTrigger(sample('eventbridge-object-created.json'));
    expect(trigger.messages[0]?.objects).toEqual([
      {
        bucket: 'edr-exports',
        key: 'sysmon/2026/11/02/WKS 042.evtx',
        size: 1069056,
      },
    ]);
  });

  it('ignores an s3:TestEvent invoked directly', () => {
    expect(parseTrigger(sample('s3-test-event.json')).messages[0]).toEqual({
      messageId: null,
      objects: [],
      error: null,
    });
  });

  it('skips S3 records that are not object creations', () => {
    const event = {
      Records: [
        {
          eventName: 'ObjectRemoved:Delete',
          s3: { bucket: { name: 'b' }, object: { key: 'gone' } },
        },
      ],
    };
    expect(parseTrigger(event).messages[0]?.objects).toEqual([]);
  });

  it('unwraps an S3 notification that came through SNS', () => {
    const inner = JSON.stringify(sample('s3-notification.json'));
    const body = JSON.stringify({ Type: 'Notification', Message: inner });
    const trigger = parseTrigger({ Records: [sqsRecord('m1', body)] });
    expect(trigger.messages[0]?.objects[0]?.bucket).toBe('edr-exports');
  });

  it('reads an S3 notification that SNS delivered to the function', () => {
    const inner = JSON.stringify(sample('s3-notification.json'));
    const trigger = parseTrigger({
      Records: [{ EventSource: 'aws:sns', Sns: { Message: inner } }],
    });
    expect(trigger.kind).toBe('direct');
    expect(trigger.messages[0]?.objects[0]?.key).toBe(
      'defend/2026/11/02/host batch=7.ndjson.gz',
    );
  });

  it('marks only the unreadable message of a batch as failed', () => {
    const good = JSON.stringify(sample('s3-test-event.json'));
    const trigger = parseTrigger({
      Records: [sqsRecord('ok', good), sqsRecord('bad', '{"hello":1}')],
    });
    expect(trigger.messages[0]?.error).toBeNull();
    expect(trigger.messages[1]?.messageId).toBe('bad');
    expect(trigger.messages[1]?.error).toBeInstanceOf(UnrecognisedTriggerError);
  });

  it('rejects a direct event it does not know', () => {
    expect(() => parseTrigger({ hello: 'world' })).toThrow(
      UnrecognisedTriggerError,
    );
  });
});
