import { describe, expect, it } from 'vitest';
import type { DetectEngine, ScanResult } from '../../cli/detect/DetectEngine';
import { MemoryStateStore } from '../../cli/detect/MemoryStateStore';
import { RunSummary } from '../../cli/detect/RunSummary';
import { type Found, runDetection } from '../../cli/detect/runDetection';
import { advance } from '../../lambda/engine/advance';
import type { Candidate } from '../../lambda/engine/types';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import { loadRule } from '../../lambda/rules/loadRule';

const RULE = await loadRule(
  'rules/command_and_control_rmm_after_msi_install.toml',
);
const T0 = Date.parse('2026-03-18T10:00:00Z');

function candidate(
  id: string,
  offsetMs: number,
  stage: number,
  host = 'aid-7',
): Candidate {
  return {
    id,
    timestamp: T0 + offsetMs,
    tiebreaker: null,
    source: { object: `${id}.ndjson`, line: 1 },
    stages: [stage],
    event: {
      host: { id: host },
      '@timestamp': new Date(T0 + offsetMs).toISOString(),
    },
  };
}

// A stand-in detector: each "file" yields the candidates listed for it,
// grouped by host as the real detector groups them under `by host.id`.
function groupsByHost(rule: LoadedRule, candidates: Candidate[]) {
  const hosts = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const host = String((c.event.host as { id: string }).id);
    hosts.set(host, [...(hosts.get(host) ?? []), c]);
  }
  return [...hosts].map(([host, list]) => ({
    groupId: `${rule.rule.id}\u0000${JSON.stringify([host])}`,
    rule,
    joinKey: [host],
    candidates: list,
  }));
}

function engineFor(files: Record<string, Candidate[]>): DetectEngine {
  return {
    decoders: [],
    listInputs: async (paths) => paths,
    openFile: async function* () {},
    scanObject: async (_input, object, rules): Promise<ScanResult> => {
      const rule = rules[0] as LoadedRule;
      const candidates = files[object] ?? [];
      return {
        object,
        format: 'ecs',
        groups: groupsByHost(rule, candidates),
        eventMatches: [],
        hosts: [{ hostId: 'aid-7', hostName: 'WKS-042' }],
        malformed: [],
        error: null,
        stats: {
          compressedBytes: 0,
          bytes: 100,
          records: candidates.length,
          events: candidates.length,
          candidates: candidates.length,
          skipped: 0,
          malformed: 0,
        },
      };
    },
    advance,
  };
}

async function detect(
  order: string[],
  files: Record<string, Candidate[]>,
  latenessMs = 86_400_000,
) {
  const found: Found[] = [];
  const summary = new RunSummary();
  await runDetection(order, [RULE], {
    engine: engineFor(files),
    store: new MemoryStateStore(),
    summary,
    latenessMs,
    onFound: async (f) => {
      found.push(f);
    },
  });
  return { found, summary };
}

const SPLIT = {
  'msi.ndjson': [candidate('msi', 0, 0)],
  'rmm.ndjson': [candidate('rmm', 30_000, 1)],
};

describe('runDetection', () => {
  it('fires once for a sequence split across two files in time order', async () => {
    const { found } = await detect(['msi.ndjson', 'rmm.ndjson'], SPLIT);
    expect(found).toHaveLength(1);
    const match = found[0]?.match;
    const ids = match && 'events' in match ? match.events.map((c) => c.id) : [];
    expect(ids).toEqual(['msi', 'rmm']);
    expect(found[0]?.hostNames.get('aid-7')).toBe('WKS-042');
  });

  it('fires once when the later file is read first', async () => {
    const { found } = await detect(['rmm.ndjson', 'msi.ndjson'], SPLIT);
    expect(found).toHaveLength(1);
  });

  it('does not fire when the second event is past the one-minute maxspan', async () => {
    const { found } = await detect(['msi.ndjson', 'late.ndjson'], {
      'msi.ndjson': [candidate('msi', 0, 0)],
      'late.ndjson': [candidate('rmm', 61_000, 1)],
    });
    expect(found).toEqual([]);
  });

  it('counts an event more than the lateness behind the newest as late', async () => {
    const { found, summary } = await detect(
      ['rmm.ndjson', 'msi.ndjson'],
      {
        'rmm.ndjson': [candidate('rmm', 3_600_000, 1)],
        'msi.ndjson': [candidate('msi', 0, 0)],
      },
      60_000,
    );
    expect(found).toEqual([]);
    expect(summary.late).toBe(1);
  });

  it('does not count a file spanning days as late against itself', async () => {
    const DAY = 86_400_000;
    const { found, summary } = await detect(['days.ndjson'], {
      'days.ndjson': [
        candidate('later-msi', 3 * DAY, 0),
        candidate('msi', 0, 0),
        candidate('rmm', 30_000, 1),
      ],
    });
    expect(found).toHaveLength(1);
    expect(summary.late).toBe(0);
  });

  it('keeps a clock per host, so an archive read host by host misses nothing', async () => {
    const MONTH = 30 * 86_400_000;
    const { found, summary } = await detect(
      ['host-a.ndjson', 'host-b.ndjson'],
      {
        'host-a.ndjson': [candidate('a-msi', MONTH, 0, 'aid-a')],
        'host-b.ndjson': [
          candidate('b-msi', 0, 0, 'aid-b'),
          candidate('b-rmm', 20_000, 1, 'aid-b'),
        ],
      },
    );
    expect(found).toHaveLength(1);
    expect(summary.late).toBe(0);
  });

  it('adds up the files it read', async () => {
    const { summary } = await detect(['msi.ndjson', 'rmm.ndjson'], SPLIT);
    expect(summary.files).toBe(2);
    expect(summary.events).toBe(2);
  });
});
