import { describe, expect, it } from 'vitest';
import type { Alert } from '../../lambda/alerts/Alert';
import { formatAlertSubject } from '../../lambda/alerts/formatAlertSubject';
import { formatAlertText } from '../../lambda/alerts/formatAlertText';

const ALERT: Alert = {
  id: '0123456789abcdef0123456789abcdef',
  rule: {
    id: '1b5e9d4a-7c2f-4e8b-a3d6-0f9c8e2b1a4d',
    name: 'Remote Management Access Launch After MSI Install',
    version: 1,
    severity: 'medium',
    riskScore: 47,
    tags: [],
    references: [],
    tactics: [{ id: 'TA0011', name: 'Command and Control' }],
    techniques: [{ id: 'T1219', name: 'Remote Access Tools' }],
  },
  joinKey: ['aid-7'],
  host: { id: 'aid-7', name: 'WKS-042' },
  events: [
    {
      id: 'e1',
      timestamp: '2026-03-18T10:00:00.000Z',
      processName: 'msiexec.exe',
      executable: null,
      commandLine: 'msiexec.exe /i setup.msi',
      args: null,
      pid: 4100,
      parentName: 'explorer.exe',
      userName: null,
      source: { object: 'a.ndjson', line: 3 },
    },
  ],
  spanMs: 42_500,
  detectedAt: '2026-03-18T10:05:00.000Z',
};

describe('formatAlertSubject', () => {
  it('names severity, rule and host', () => {
    expect(formatAlertSubject(ALERT)).toBe(
      '[medium] Remote Management Access Launch After MSI Install on WKS-042',
    );
  });

  it('falls back to the host id, then to an unknown host', () => {
    const byId = { ...ALERT, host: { id: 'aid-7', name: null } };
    const none = { ...ALERT, host: { id: null, name: null } };
    expect(formatAlertSubject(byId)).toMatch(/ on aid-7$/);
    expect(formatAlertSubject(none)).toMatch(/ on an unknown host$/);
  });
});

describe('formatAlertText', () => {
  it('writes a readable block with the events and their sources', () => {
    expect(formatAlertText(ALERT)).toBe(
      [
        '[medium] Remote Management Access Launch After MSI Install on WKS-042',
        '  rule:       Remote Management Access Launch After MSI Install ' +
          '(1b5e9d4a-7c2f-4e8b-a3d6-0f9c8e2b1a4d, version 1)',
        '  risk:       47 (medium)',
        '  host:       WKS-042 (id aid-7)',
        '  tactics:    TA0011 Command and Control',
        '  techniques: T1219 Remote Access Tools',
        '  span:       42.500 s',
        '  detected:   2026-03-18T10:05:00.000Z',
        '  alert id:   0123456789abcdef0123456789abcdef',
        'events:',
        '  1. 2026-03-18T10:00:00.000Z  msiexec.exe (pid 4100, parent explorer.exe)',
        '     msiexec.exe /i setup.msi',
        '     from a.ndjson:3',
      ].join('\n'),
    );
  });
});
