import { describe, expect, it } from 'vitest';
import { StreamAlertSink } from '../../cli/detect/StreamAlertSink';
import type { Alert } from '../../lambda/alerts/Alert';

const ALERT = {
  id: 'abc',
  rule: { severity: 'low', name: 'R' },
  host: { id: 'h', name: null },
} as unknown as Alert;

describe('StreamAlertSink', () => {
  it('writes an alert id once however often it is published', async () => {
    const writes: string[] = [];
    const sink = new StreamAlertSink(
      { write: (t) => writes.push(t) },
      'ndjson',
    );
    await sink.publish(ALERT);
    await sink.publish(ALERT);
    expect(writes).toEqual([`${JSON.stringify(ALERT)}\n`]);
    expect(sink.count).toBe(1);
  });
});
