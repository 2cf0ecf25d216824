import { describe, expect, it } from 'vitest';
import type { DetectEngine, ScanResult } from '../../cli/detect/DetectEngine';
import { main } from '../../cli/main';
import type { Alert } from '../../lambda/alerts/Alert';
import { advance } from '../../lambda/engine/advance';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import { captureIo } from './captureIo';

const STATS = {
  compressedBytes: 0,
  bytes: 10,
  records: 1,
  events: 1,
  candidates: 1,
  skipped: 0,
  malformed: 0,
};

// A stand-in detector over two existing files: the first holds one
// matching event whose host has only an id; the second, read after it,
// names that host, as a CrowdStrike aidmaster file does.
const EVENTS = 'test/fixtures/cli/split/1-msi.ndjson';
const AIDMASTER = 'test/fixtures/cli/split/2-rmm.ndjson';
const engine: DetectEngine = {
  decoders: [],
  listInputs: async (paths) => paths,
  openFile: async function* () {},
  scanObject: async (_input, object, rules): Promise<ScanResult> => {
    const rule = rules[0] as LoadedRule;
    const isEvents = object === EVENTS;
    return {
      object,
      format: 'ecs',
      groups: [],
      eventMatches: isEvents
        ? [
            {
              rule,
              candidate: {
                id: `${EVENTS}#1`,
                timestamp: Date.parse('2026-03-18T10:00:40Z'),
                tiebreaker: null,
                source: { object, line: 1 },
                stages: [0],
                event: {
                  host: { id: 'aid-9' },
                  process: { name: 'winvnc.exe' },
                },
              },
            },
          ]
        : [],
      hosts: isEvents ? [] : [{ hostId: 'aid-9', hostName: 'WKS-900' }],
      malformed: [],
      error: null,
      stats: STATS,
    };
  },
  advance,
};

describe('eqlambda detect host names', () => {
  it('names a host from a host-name file read after the events', async () => {
    const capture = captureIo();
    const code = await main(
      ['detect', '--rules', 'test/fixtures/cli/event-rule', EVENTS, AIDMASTER],
      capture.io,
      engine,
    );
    expect(code).toBe(0);
    const alerts = capture.lines() as unknown as Alert[];
    expect(alerts.map((alert) => alert.host)).toEqual([
      { id: 'aid-9', name: 'WKS-900' },
    ]);
  });
});
