import { describe, expect, it } from 'vitest';
import { ecsDecoder } from '../../../lambda/decoders/ecs/ecsDecoder';
import { winlogbeatRawDecoder as decoder } from '../../../lambda/decoders/winlogbeat-raw/winlogbeatRawDecoder';
import { eventOf, field, readFixtureLines, reasonOf } from '../fixtures';

const HOST = '8c6f2a4e-1b3d-4f5a-9e7c-2d4b6a8c0e1f';
const SCREENCONNECT =
  'C:\\Program Files (x86)\\ScreenConnect Client (1a2b3c4d5e6f7a8b)\\ScreenConnect.ClientService.exe';
const lines = readFixtureLines('winlogbeat-raw/rmm-after-msi.ndjson');
const at = (index: number) => lines[index]?.line ?? '';
const source = { object: 'winlogbeat.ndjson', line: 1 };

describe('winlogbeat-raw decoder', () => {
  it('maps Sysmon event 1 as the sysmon module pipeline does', () => {
    expect(eventOf(decoder.decode(at(0), source))).toEqual({
      '@timestamp': '2026-12-01T10:00:00.000Z',
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
      host: { id: HOST, name: 'ws-finance-01', os: { type: 'windows' } },
      process: {
        name: 'msiexec.exe',
        executable: 'C:\\Windows\\System32\\msiexec.exe',
        command_line:
          '"C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\alice\\Downloads\\support client.msi" /qn',
        args: [
          'C:\\Windows\\System32\\msiexec.exe',
          '/i',
          'C:\\Users\\alice\\Downloads\\support client.msi',
          '/qn',
        ],
        args_count: 4,
        pid: 6012,
        entity_id: '{7d3c2b1a-0000-1111-2222-000000000a01}',
        working_directory: 'C:\\Users\\alice\\Downloads\\',
        hash: {
          sha1: 'ab12cd34ef56ab12cd34ef56ab12cd34ef56ab12',
          md5: '0123456789abcdef0123456789abcdef',
        },
        parent: {
          name: 'explorer.exe',
          executable: 'C:\\Windows\\explorer.exe',
          command_line: 'C:\\Windows\\Explorer.EXE',
          args: ['C:\\Windows\\Explorer.EXE'],
          args_count: 1,
          pid: 4000,
          entity_id: '{7d3c2b1a-0000-1111-2222-000000000a00}',
        },
      },
      user: { id: 'S-1-5-18', name: 'alice', domain: 'CORP' },
      winlog: {
        channel: 'Microsoft-Windows-Sysmon/Operational',
        event_id: '1',
        computer_name: 'ws-finance-01.corp.example.com',
        record_id: '101',
      },
    });
  });

  it('maps Security event 4688 with hexadecimal process ids', () => {
    const event = eventOf(decoder.decode(at(3), source));
    expect(event['@timestamp']).toBe('2026-12-01T10:00:30.000Z');
    expect(event.event).toEqual({
      kind: 'event',
      category: ['process'],
      type: ['start'],
      action: 'created-process',
      code: '4688',
      provider: 'Microsoft-Windows-Security-Auditing',
      module: 'security',
      dataset: 'system.security',
    });
    expect(field(event, 'process.pid')).toBe(0x1b80);
    expect(field(event, 'process.name')).toBe(
      'ScreenConnect.ClientService.exe',
    );
    expect(field(event, 'process.executable')).toBe(SCREENCONNECT);
    expect(field(event, 'process.args')).toEqual([
      SCREENCONNECT,
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=5f0e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c&k=BgIAAACkAABSU0ExAAgAAAEAAQ',
    ]);
    expect(field(event, 'process.parent')).toEqual({
      name: 'services.exe',
      executable: 'C:\\Windows\\System32\\services.exe',
      pid: 700,
    });
    expect(event.user).toEqual({
      id: 'S-1-5-18',
      name: 'WS-FINANCE-01$',
      domain: 'CORP',
    });
  });

  it('leaves out a 4688 command line that auditing did not record', () => {
    const line = at(3).replace(
      /"CommandLine":"(?:[^"\\]|\\.)*"/,
      '"CommandLine":""',
    );
    const process = field(eventOf(decoder.decode(line, source)), 'process');
    expect(process).not.toHaveProperty('command_line');
    expect(process).not.toHaveProperty('args');
    expect(field(eventOf(decoder.decode(line, source)), 'process.name')).toBe(
      'ScreenConnect.ClientService.exe',
    );
  });

  it('skips other Sysmon and Security events', () => {
    expect(decoder.decode(at(1), source)).toEqual({ kind: 'skipped', source });
    expect(decoder.decode(at(2), source)).toEqual({ kind: 'skipped', source });
  });

  it('yields msiexec /i then ScreenConnect 30 seconds later on one host', () => {
    const events = lines
      .map((entry) => decoder.decode(entry.line, source))
      .filter((result) => result.kind === 'event')
      .map(eventOf);
    expect(events.map((event) => field(event, 'process.name'))).toEqual([
      'msiexec.exe',
      'ScreenConnect.ClientService.exe',
    ]);
    expect(events.map((event) => event['@timestamp'])).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2026-12-01T10:00:30.000Z',
    ]);
    expect(events.map((event) => field(event, 'host.id'))).toEqual([
      HOST,
      HOST,
    ]);
  });

  it('takes the dataset and module from Elastic Agent output', () => {
    const line = at(0).replace(
      '"agent":',
      '"data_stream":{"dataset":"windows.sysmon_operational"},"agent":',
    );
    const event = eventOf(decoder.decode(line, source));
    expect(field(event, 'event.module')).toBe('windows');
  });

  it('falls back to the host name when no host id was shipped', () => {
    const line = at(0).replace(`"id":"${HOST}",`, '');
    expect(field(eventOf(decoder.decode(line, source)), 'host.id')).toBe(
      'ws-finance-01',
    );
  });

  it('reports a Sysmon UtcTime in no known form', () => {
    const line = at(0)
      .replace('"UtcTime":"2026-12-01 10:00:00.000"', '"UtcTime":"1/12/2026"')
      .replace('"@timestamp":"2026-12-01T10:00:00.1234567Z",', '');
    expect(reasonOf(decoder.decode(line, source))).toBe(
      'UtcTime in no known form: 1/12/2026',
    );
  });

  it('reports a process start without winlog', () => {
    const line = '{"@timestamp":"2026-12-01T10:00:00Z","event_id":"1"}';
    expect(reasonOf(decoder.decode(line, source))).toBe('no winlog object');
  });

  it('reports a cut-off process start line', () => {
    expect(reasonOf(decoder.decode(at(0).slice(0, 300), source))).toMatch(
      /^not JSON/,
    );
  });

  it('is recognised as raw winlogbeat, and not as ECS', () => {
    expect(decoder.sniff([at(0)])).toBe(true);
    expect(ecsDecoder.sniff([at(0)])).toBe(false);
  });
});
