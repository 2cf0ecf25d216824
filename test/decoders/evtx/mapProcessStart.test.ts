import { describe, expect, it } from 'vitest';
import type { SystemFields } from '../../../lambda/decoders/evtx/EventView';
import {
  mapProcessStart,
  processStartKind,
} from '../../../lambda/decoders/evtx/mapProcessStart';
import type { EcsDocument } from '../../../lambda/ecs/EcsDocument';
import { field } from '../fixtures';

const SYSMON: SystemFields = {
  provider: 'Microsoft-Windows-Sysmon',
  eventId: '1',
  timeCreated: '2026-11-30T09:15:00.2511234Z',
  recordId: '42',
  computer: 'WKS-042',
  userId: 'S-1-5-18',
  channel: 'Microsoft-Windows-Sysmon/Operational',
};

const SECURITY: SystemFields = {
  provider: 'Microsoft-Windows-Security-Auditing',
  eventId: '4688',
  timeCreated: '2026-11-30T09:15:00.2511234Z',
  recordId: '43',
  computer: 'WKS-042',
  channel: 'Security',
};

function mapped(
  system: SystemFields,
  data: Record<string, string>,
): EcsDocument {
  const kind = processStartKind(system);
  if (kind === undefined) throw new Error('not a process start');
  const result = mapProcessStart(kind, system, new Map(Object.entries(data)));
  if (!result.ok) throw new Error(result.reason);
  return result.event;
}

describe('processStartKind', () => {
  it('knows Sysmon 1 and Security 4688, whatever the provider case', () => {
    expect(processStartKind(SYSMON)).toBe('sysmon');
    expect(processStartKind(SECURITY)).toBe('security');
    expect(
      processStartKind({ ...SYSMON, provider: 'microsoft-windows-sysmon' }),
    ).toBe('sysmon');
  });

  it('knows nothing else', () => {
    expect(processStartKind({ ...SYSMON, eventId: '3' })).toBeUndefined();
    expect(processStartKind({ ...SECURITY, eventId: '4689' })).toBeUndefined();
    expect(
      processStartKind({ ...SYSMON, provider: 'Microsoft-Windows-Kernel' }),
    ).toBeUndefined();
    expect(processStartKind({})).toBeUndefined();
  });
});

describe('mapProcessStart', () => {
  it('takes a Sysmon event time from UtcTime, not TimeCreated', () => {
    const event = mapped(SYSMON, { UtcTime: '2026-11-30 09:14:59.999' });
    expect(field(event, '@timestamp')).toBe('2026-11-30T09:14:59.999Z');
  });

  it('refuses a Sysmon event whose UtcTime is missing or unreadable', () => {
    const result = mapProcessStart(
      'sysmon',
      SYSMON,
      new Map([['UtcTime', 'x']]),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'sysmon process start without a time',
    });
  });

  it('refuses an event without a Computer, since host.id comes from it', () => {
    const result = mapProcessStart(
      'security',
      { ...SECURITY, computer: '' },
      new Map(),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'security process start without a Computer',
    });
  });

  it('leaves out the command line and args when 4688 has no command line', () => {
    const event = mapped(SECURITY, {
      NewProcessName: 'C:\\Windows\\System32\\msiexec.exe',
      NewProcessId: '0x10',
      CommandLine: '',
    });
    expect(field(event, 'process')).toEqual({
      name: 'msiexec.exe',
      executable: 'C:\\Windows\\System32\\msiexec.exe',
      pid: 16,
    });
  });

  it('keeps a Sysmon user without a domain as the name alone', () => {
    const event = mapped(SYSMON, {
      UtcTime: '2026-11-30 09:15:00.000',
      User: 'jdoe',
    });
    expect(field(event, 'user')).toEqual({ name: 'jdoe', id: 'S-1-5-18' });
  });

  it('ignores process ids that are not numbers in the expected base', () => {
    const sysmon = mapped(SYSMON, {
      UtcTime: '2026-11-30 09:15:00.000',
      ProcessId: '0x10',
    });
    const security = mapped(SECURITY, { NewProcessId: '16' });
    expect(field(sysmon, 'process.pid')).toBeUndefined();
    expect(field(security, 'process.pid')).toBeUndefined();
  });
});
