import { describe, expect, it } from 'vitest';
import { crowdstrikeFdrDecoder as decoder } from '../../../lambda/decoders/crowdstrike-fdr/crowdstrikeFdrDecoder';
import { eventOf, field, readFixtureLines, reasonOf } from '../fixtures';

const AID = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const CID = 'f9e8d7c6b5a4938271605f4e3d2c1b0a';
const lines = readFixtureLines('crowdstrike-fdr/rmm-after-msi.ndjson');
const at = (index: number) => lines[index]?.line ?? '';
const source = { object: 'fdr.gz', line: 2 };

describe('crowdstrike-fdr decoder', () => {
  it('maps a ProcessRollup2 record as the crowdstrike.fdr pipeline does', () => {
    expect(eventOf(decoder.decode(at(1), source))).toEqual({
      '@timestamp': '2026-12-01T10:00:00.000Z',
      event: {
        kind: 'event',
        category: ['process'],
        type: ['start'],
        action: 'ProcessRollup2',
        module: 'crowdstrike',
        dataset: 'crowdstrike.fdr',
        id: `11111111-2222-4333-8444-555555555555|${AID}|${CID}`,
      },
      data_stream: { type: 'logs', dataset: 'crowdstrike.fdr' },
      host: { id: AID, os: { type: 'windows' } },
      process: {
        name: 'msiexec.exe',
        executable: '\\Device\\HarddiskVolume3\\Windows\\System32\\msiexec.exe',
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
        entity_id: '9007199254740993123',
        start: '2026-12-01T10:00:00.000Z',
        hash: { sha256: 'a'.repeat(64) },
        parent: { name: 'explorer.exe', entity_id: '9007199254740990001' },
      },
      user: {
        id: 'S-1-5-21-1004336348-1177238915-682003330-1105',
        name: 'alice',
      },
    });
  });

  it('keeps process ids past 2^53 as the exact strings written', () => {
    const event = eventOf(decoder.decode(at(3), source));
    expect(field(event, 'process.entity_id')).toBe('9007199254740995555');
    expect(field(event, 'process.parent.entity_id')).toBe(
      '9007199254740980002',
    );
  });

  it('keeps the exact digits of an id written as a large JSON number', () => {
    const line = at(1).replace(
      '"TargetProcessId":"9007199254740993123"',
      '"TargetProcessId":9007199254740993123',
    );
    const event = eventOf(decoder.decode(line, source));
    expect(field(event, 'process.entity_id')).toBe('9007199254740993123');
  });

  it('decodes a macOS SyntheticProcessRollup2 with a POSIX name', () => {
    const [mac] = readFixtureLines('crowdstrike-fdr/synthetic-mac.ndjson');
    const event = eventOf(decoder.decode(mac?.line ?? '', source));
    expect(field(event, 'event.action')).toBe('SyntheticProcessRollup2');
    expect(field(event, '@timestamp')).toBe('2021-07-07T17:05:21.162Z');
    expect(field(event, 'host.os.type')).toBe('macos');
    expect(field(event, 'process.name')).toBe('sh');
    expect(field(event, 'process.args')).toEqual(['/bin/sh', '-s', 'unix:cmd']);
    expect(field(event, 'process.pid')).toBe(9505);
    // Empty ParentBaseFileName and UserSid are left out, not written as "".
    expect(field(event, 'process.parent')).toEqual({
      entity_id: '362225661973273550',
    });
    expect(field(event, 'user')).toBeUndefined();
  });

  it('takes user.id from UID before UserSid, as Elastic does', () => {
    const both = at(1).replace('"UserSid":', '"UID":"501","UserSid":');
    expect(both).toContain('"UID":"501"');
    const event = eventOf(decoder.decode(both, source));
    expect(field(event, 'user.id')).toBe('501');
  });

  it('takes user.id from UserSid when UID is empty', () => {
    const empty = at(1).replace('"UserSid":', '"UID":"","UserSid":');
    const event = eventOf(decoder.decode(empty, source));
    expect(field(event, 'user.id')).toBe(
      'S-1-5-21-1004336348-1177238915-682003330-1105',
    );
  });

  it('turns an aidmaster record into the host name of its sensor', () => {
    expect(decoder.decode(at(0), { object: 'aidmaster', line: 1 })).toEqual({
      kind: 'host',
      hostId: AID,
      hostName: 'WS-FINANCE-01',
      source: { object: 'aidmaster', line: 1 },
    });
  });

  it('skips an event that is not a process start', () => {
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
    expect(events.map((event) => field(event, 'host.id'))).toEqual([AID, AID]);
    expect(field(events[1] ?? {}, 'process.command_line')).toContain(
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=',
    );
    expect(field(events[1] ?? {}, 'process.args')).toEqual([
      'C:\\Program Files (x86)\\ScreenConnect Client (1a2b3c4d5e6f7a8b)\\ScreenConnect.ClientService.exe',
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=5f0e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c&k=BgIAAACkAABSU0ExAAgAAAEAAQ',
    ]);
  });

  it('reports a process start without aid', () => {
    const line = at(1).replace(`"aid":"${AID}"`, '"aid":""');
    expect(reasonOf(decoder.decode(line, source))).toBe('no aid');
  });

  it('reports a timestamp that is not epoch milliseconds', () => {
    const line = at(1).replace(
      '"timestamp":"1796119200000"',
      '"timestamp":"soon"',
    );
    expect(reasonOf(decoder.decode(line, source))).toBe(
      'timestamp in no known form: soon',
    );
  });

  it('reports a process-start line that is not JSON', () => {
    const line = at(1).slice(0, 120);
    expect(reasonOf(decoder.decode(line, source))).toMatch(/^not JSON/);
  });

  it('skips a record with neither event name nor host name', () => {
    const line = `{"aid":"${AID}","SensorGroupingTags":"none"}`;
    expect(decoder.decode(line, source).kind).toBe('skipped');
  });

  it('recognises FDR and aidmaster lines, not ECS documents', () => {
    expect(decoder.sniff([at(1)])).toBe(true);
    expect(decoder.sniff([at(0)])).toBe(true);
    expect(decoder.sniff(['{"@timestamp":"2026-12-01T10:00:00Z"}'])).toBe(
      false,
    );
  });
});
