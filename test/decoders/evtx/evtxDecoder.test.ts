import { describe, expect, it } from 'vitest';
import { evtxDecoder } from '../../../lambda/decoders/evtx/evtxDecoder';
import type { DecodeResult } from '../../../lambda/decoders/types';
import {
  MSIEXEC_START,
  ruleScenario,
  SCENARIO_HOST,
  SCREENCONNECT_START,
  securityProcessCreate,
  sysmonNetworkConnect,
  sysmonProcessCreate,
} from '../../fixtures/evtx/scenarios';
import {
  nestedSysmonRecord,
  rawNestedSysmonRecord,
} from '../../fixtures/evtx/windowsEvents';
import { writeEvtx } from '../../fixtures/evtx/writeEvtx';
import { chunksOf, collect, eventOf, field } from '../fixtures';

const OBJECT = 's3://exports/WKS-042/Sysmon.evtx';

function decode(bytes: Buffer, pieceSize = 65_536): Promise<DecodeResult[]> {
  return collect(evtxDecoder.decode(chunksOf(bytes, pieceSize), OBJECT));
}

describe('evtxDecoder', () => {
  it('is a stream decoder named evtx', () => {
    expect(evtxDecoder.kind).toBe('stream');
    expect(evtxDecoder.name).toBe('evtx');
  });

  it('recognises an EVTX file by its ElfFile signature', () => {
    const { bytes } = writeEvtx(ruleScenario());
    expect(evtxDecoder.sniff(bytes.subarray(0, 16))).toBe(true);
    expect(evtxDecoder.sniff(Buffer.from('<Event xmlns="'))).toBe(false);
    expect(evtxDecoder.sniff(Buffer.from('ElfFi'))).toBe(false);
  });

  it('maps a Sysmon process creation to an ECS process start', async () => {
    const { bytes, records } = writeEvtx([sysmonProcessCreate(MSIEXEC_START)]);
    const [result] = await decode(bytes);
    expect(result).toEqual({
      kind: 'event',
      source: { object: OBJECT, record: 101, offset: records[0]?.offset },
      event: {
        '@timestamp': '2026-11-30T09:15:00.250Z',
        event: {
          kind: 'event',
          category: ['process'],
          type: ['start'],
          action: 'Process creation',
          code: '1',
          provider: 'Microsoft-Windows-Sysmon',
          module: 'sysmon',
          dataset: 'windows.sysmon_operational',
        },
        data_stream: { type: 'logs', dataset: 'windows.sysmon_operational' },
        host: {
          id: 'WKS-042.corp.example.com',
          name: 'WKS-042.corp.example.com',
          os: { type: 'windows' },
        },
        process: {
          name: 'msiexec.exe',
          executable: 'C:\\Windows\\System32\\msiexec.exe',
          command_line:
            '"C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\jdoe\\Downloads\\support.msi" /qn',
          args: [
            'C:\\Windows\\System32\\msiexec.exe',
            '/i',
            'C:\\Users\\jdoe\\Downloads\\support.msi',
            '/qn',
          ],
          args_count: 4,
          pid: 5120,
          entity_id: '{6A1B2C3D-1111-2222-3333-444455556666}',
          working_directory: 'C:\\Windows\\system32\\',
          hash: { sha256: '0'.repeat(64) },
          parent: {
            name: 'explorer.exe',
            executable: 'C:\\Windows\\explorer.exe',
            command_line: 'C:\\Windows\\Explorer.EXE',
            args: ['C:\\Windows\\Explorer.EXE'],
            args_count: 1,
            pid: 3100,
            entity_id: '{6A1B2C3D-1111-2222-3333-000000000001}',
          },
        },
        // The account from EventData/User; the SID from System/Security.
        user: { name: 'jdoe', domain: 'CORP', id: 'S-1-5-18' },
        winlog: {
          channel: 'Microsoft-Windows-Sysmon/Operational',
          event_id: '1',
          computer_name: 'WKS-042.corp.example.com',
          record_id: '101',
        },
      },
    });
  });

  it('skips a Sysmon network connection, saying which record it was', async () => {
    const network = sysmonNetworkConnect(
      7,
      new Date('2026-11-30T09:00:00Z'),
      SCENARIO_HOST,
    );
    const { bytes, records } = writeEvtx([network]);
    expect(await decode(bytes)).toEqual([
      {
        kind: 'skipped',
        source: { object: OBJECT, record: 7, offset: records[0]?.offset },
      },
    ]);
  });

  it('maps a Security 4688 with its hexadecimal process ids', async () => {
    const record = securityProcessCreate(
      900,
      new Date('2026-11-30T10:00:00.125Z'),
      'DC-01.corp.example.com',
      {
        SubjectUserSid: 'S-1-5-21-1004336348-1177238915-682003330-1105',
        SubjectUserName: 'jdoe',
        SubjectDomainName: 'CORP',
        SubjectLogonId: 0x3e7n,
        NewProcessId: 0x1fcn,
        NewProcessName: 'C:\\Windows\\System32\\cmd.exe',
        TokenElevationType: '%%1936',
        ProcessId: 0x278n,
        CommandLine: 'cmd.exe /c "dir C:\\Program Files"',
        ParentProcessName: 'C:\\Windows\\explorer.exe',
      },
    );
    const [result] = await decode(writeEvtx([record]).bytes);
    expect(eventOf(result)).toEqual({
      // TimeCreated (written to the 100 ns tick) at millisecond precision.
      '@timestamp': '2026-11-30T10:00:00.125Z',
      event: {
        kind: 'event',
        category: ['process'],
        type: ['start'],
        action: 'created-process',
        code: '4688',
        provider: 'Microsoft-Windows-Security-Auditing',
        module: 'security',
        dataset: 'system.security',
      },
      data_stream: { type: 'logs', dataset: 'system.security' },
      host: {
        id: 'DC-01.corp.example.com',
        name: 'DC-01.corp.example.com',
        os: { type: 'windows' },
      },
      process: {
        name: 'cmd.exe',
        executable: 'C:\\Windows\\System32\\cmd.exe',
        command_line: 'cmd.exe /c "dir C:\\Program Files"',
        args: ['cmd.exe', '/c', 'dir C:\\Program Files'],
        args_count: 3,
        pid: 508,
        parent: {
          name: 'explorer.exe',
          executable: 'C:\\Windows\\explorer.exe',
          pid: 632,
        },
      },
      user: {
        name: 'jdoe',
        domain: 'CORP',
        id: 'S-1-5-21-1004336348-1177238915-682003330-1105',
      },
      winlog: {
        channel: 'Security',
        event_id: '4688',
        computer_name: 'DC-01.corp.example.com',
        record_id: '900',
      },
    });
  });

  it('reads EventData written as a nested Binary XML value', async () => {
    const record = nestedSysmonRecord(
      {
        eventId: 1,
        recordId: 55,
        time: new Date('2026-11-30T11:00:00Z'),
        computer: 'WKS-007',
      },
      {
        UtcTime: '2026-11-30 11:00:00.001',
        ProcessId: 77,
        Image: 'C:\\Tools\\winvnc.exe',
        CommandLine: 'winvnc.exe -run',
        User: 'CORP\\ops',
      },
    );
    const event = eventOf((await decode(writeEvtx([record]).bytes))[0]);
    expect(field(event, '@timestamp')).toBe('2026-11-30T11:00:00.001Z');
    expect(field(event, 'process.name')).toBe('winvnc.exe');
    expect(field(event, 'process.args')).toEqual(['winvnc.exe', '-run']);
    expect(field(event, 'process.pid')).toBe(77);
    expect(field(event, 'host.id')).toBe('WKS-007');
  });

  it('reads EventData nested as plain elements, which have no dependency id', async () => {
    const record = rawNestedSysmonRecord(
      {
        eventId: 1,
        recordId: 56,
        time: new Date('2026-11-30T11:00:00Z'),
        computer: 'WKS-007',
      },
      {
        UtcTime: '2026-11-30 11:00:02.500',
        ProcessId: '78',
        Image: 'C:\\Tools\\tvnserver.exe',
        CommandLine: 'tvnserver.exe -service',
      },
    );
    const event = eventOf((await decode(writeEvtx([record]).bytes))[0]);
    expect(field(event, '@timestamp')).toBe('2026-11-30T11:00:02.500Z');
    expect(field(event, 'process.name')).toBe('tvnserver.exe');
    expect(field(event, 'process.args')).toEqual(['tvnserver.exe', '-service']);
    expect(field(event, 'process.pid')).toBe(78);
  });

  it('finds the rule scenario: msiexec /i, then ScreenConnect as Guest 30.5 s later on the same host', async () => {
    const [install, remote] = await decode(writeEvtx(ruleScenario()).bytes);
    const first = eventOf(install);
    const second = eventOf(remote);
    expect(field(first, 'process.name')).toBe('msiexec.exe');
    expect(field(first, 'process.args')).toContain('/i');
    expect(field(second, 'process.name')).toBe(
      'ScreenConnect.ClientService.exe',
    );
    expect(field(second, 'process.command_line')).toContain(
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=',
    );
    expect(field(second, 'process.command_line')).toContain('&k=');
    expect(field(first, 'host.id')).toBe(field(second, 'host.id'));
    const gap =
      Date.parse(field(second, '@timestamp') as string) -
      Date.parse(field(first, '@timestamp') as string);
    expect(gap).toBe(30_500);
    expect(SCREENCONNECT_START.computer).toBe(MSIEXEC_START.computer);
  });

  it('reads records spread over several chunks, each with its own templates', async () => {
    const start = new Date('2026-11-30T12:00:00Z');
    const specs = Array.from({ length: 150 }, (_, index) =>
      sysmonProcessCreate({
        ...MSIEXEC_START,
        recordId: index + 1,
        time: new Date(start.getTime() + index * 1000),
        processId: 1000 + index,
      }),
    );
    const written = writeEvtx(specs);
    // Each record takes about 1 KB: 150 of them do not fit in one chunk.
    expect(written.chunks).toBeGreaterThan(1);
    const results = await decode(written.bytes);
    expect(results.map((result) => result.kind)).toEqual(
      specs.map(() => 'event'),
    );
    expect(
      results.map((result) => field(eventOf(result), 'process.pid')),
    ).toEqual(specs.map((_, index) => 1000 + index));
  });

  it('gives the same results whatever sizes the stream arrives in', async () => {
    const { bytes } = writeEvtx([
      ...ruleScenario(),
      sysmonNetworkConnect(
        103,
        new Date('2026-11-30T09:16:00Z'),
        SCENARIO_HOST,
      ),
    ]);
    const whole = await decode(bytes, bytes.length);
    expect(await decode(bytes, 7)).toEqual(whole);
    expect(await decode(bytes, 4097)).toEqual(whole);
    expect(whole.map((result) => result.kind)).toEqual([
      'event',
      'event',
      'skipped',
    ]);
  });
});
