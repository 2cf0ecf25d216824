import { describe, expect, it } from 'vitest';
import { buildAlert } from '../../lambda/alerts/buildAlert';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import type { Candidate, Match } from '../../lambda/engine/types';
import type { CompiledQuery } from '../../lambda/eql/CompiledQuery';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import type { Rule } from '../../lambda/rules/Rule';

const RULE: Rule = {
  id: 'rule-1',
  name: 'MSI then RMM',
  version: 2,
  description: 'test rule',
  severity: 'medium',
  riskScore: 47,
  tags: ['Tactic: Command and Control'],
  references: [],
  threat: [
    {
      framework: 'MITRE ATT&CK',
      tactic: { id: 'TA0011', name: 'Command and Control' },
      techniques: [
        {
          id: 'T1219',
          name: 'Remote Access Tools',
          subtechniques: [{ id: 'T1219.002', name: 'Remote Desktop Software' }],
        },
      ],
    },
  ],
  note: null,
  query: 'sequence by host.id [process where true] [process where true]',
  tiebreakerField: null,
  path: 'rules/x.toml',
};
// The alert never looks at the compiled query.
const LOADED: LoadedRule = { rule: RULE, query: {} as CompiledQuery };
const DETECTED = new Date('2026-03-18T10:05:00Z');

function candidate(id: string, iso: string, event: EcsDocument): Candidate {
  return {
    id,
    timestamp: Date.parse(iso),
    tiebreaker: null,
    source: { object: 'a.ndjson', line: 3 },
    stages: [0],
    event,
  };
}

const MSI = candidate('e1', '2026-03-18T10:00:00.000Z', {
  host: { id: 'aid-7' },
  process: {
    name: 'msiexec.exe',
    executable: 'C:\\Windows\\System32\\msiexec.exe',
    command_line: 'msiexec.exe /i setup.msi',
    args: ['msiexec.exe', '/i', 'setup.msi'],
    pid: 4100,
    parent: { name: 'explorer.exe' },
  },
  user: { name: 'alice' },
});
// Flat dotted keys, as some sources deliver them, and a pid as a string.
const RMM = candidate('e2', '2026-03-18T10:00:42.500Z', {
  'host.id': 'aid-7',
  'process.name': 'ScreenConnect.ClientService.exe',
  'process.pid': '5200',
});
const MATCH: Match = { joinKey: ['aid-7'], events: [MSI, RMM] };

describe('buildAlert', () => {
  const context = {
    hostNames: new Map([['aid-7', 'WKS-042']]),
    detectedAt: DETECTED,
  };

  it('describes the rule with its tactics and techniques', () => {
    const alert = buildAlert(LOADED, MATCH, context);
    expect(alert.rule).toEqual({
      id: 'rule-1',
      name: 'MSI then RMM',
      version: 2,
      severity: 'medium',
      riskScore: 47,
      tags: ['Tactic: Command and Control'],
      references: [],
      tactics: [{ id: 'TA0011', name: 'Command and Control' }],
      techniques: [
        { id: 'T1219', name: 'Remote Access Tools' },
        { id: 'T1219.002', name: 'Remote Desktop Software' },
      ],
    });
  });

  it('takes the host name from the host-name map when events lack one', () => {
    const alert = buildAlert(LOADED, MATCH, context);
    expect(alert.host).toEqual({ id: 'aid-7', name: 'WKS-042' });
  });

  it('prefers the host name the events carry', () => {
    const named = candidate('e3', '2026-03-18T10:00:00Z', {
      host: { id: 'aid-7', name: 'laptop-1' },
    });
    expect(buildAlert(LOADED, named, context).host.name).toBe('laptop-1');
  });

  it('shows every event of the match in order, nested or flat', () => {
    const alert = buildAlert(LOADED, MATCH, context);
    expect(alert.events).toEqual([
      {
        id: 'e1',
        timestamp: '2026-03-18T10:00:00.000Z',
        processName: 'msiexec.exe',
        executable: 'C:\\Windows\\System32\\msiexec.exe',
        commandLine: 'msiexec.exe /i setup.msi',
        args: ['msiexec.exe', '/i', 'setup.msi'],
        pid: 4100,
        parentName: 'explorer.exe',
        userName: 'alice',
        source: { object: 'a.ndjson', line: 3 },
      },
      {
        id: 'e2',
        timestamp: '2026-03-18T10:00:42.500Z',
        processName: 'ScreenConnect.ClientService.exe',
        executable: null,
        commandLine: null,
        args: null,
        pid: 5200,
        parentName: null,
        userName: null,
        source: { object: 'a.ndjson', line: 3 },
      },
    ]);
  });

  it('measures the span from the first to the last event', () => {
    expect(buildAlert(LOADED, MATCH, context).spanMs).toBe(42_500);
  });

  it('stamps the injected detection time and the join key', () => {
    const alert = buildAlert(LOADED, MATCH, context);
    expect(alert.detectedAt).toBe('2026-03-18T10:05:00.000Z');
    expect(alert.joinKey).toEqual(['aid-7']);
  });

  it('builds a one-event alert from a single candidate', () => {
    const alert = buildAlert(LOADED, MSI, context);
    expect(alert.events.map((event) => event.id)).toEqual(['e1']);
    expect(alert.joinKey).toEqual([]);
    expect(alert.spanMs).toBe(0);
  });
});

describe('alert ids', () => {
  const context = { hostNames: new Map(), detectedAt: DETECTED };

  it('are 32 hex digits, the same for the same rule and events', () => {
    const first = buildAlert(LOADED, MATCH, context).id;
    const later = buildAlert(LOADED, MATCH, {
      hostNames: new Map([['aid-7', 'WKS-042']]),
      detectedAt: new Date('2027-01-01T00:00:00Z'),
    }).id;
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(later).toBe(first);
  });

  it('differ when one event differs', () => {
    const other = { ...RMM, id: 'e9' };
    const a = buildAlert(LOADED, MATCH, context).id;
    const b = buildAlert(
      LOADED,
      { joinKey: ['aid-7'], events: [MSI, other] },
      context,
    ).id;
    expect(b).not.toBe(a);
  });

  it('differ when the same events come in another order or from another rule', () => {
    const a = buildAlert(LOADED, MATCH, context).id;
    const swapped = { joinKey: ['aid-7'], events: [RMM, MSI] };
    const otherRule = { ...LOADED, rule: { ...RULE, id: 'rule-2' } };
    expect(buildAlert(LOADED, swapped, context).id).not.toBe(a);
    expect(buildAlert(otherRule, MATCH, context).id).not.toBe(a);
  });
});
