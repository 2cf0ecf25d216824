import { describe, expect, it } from 'vitest';
import { decodeLine } from '../../../lambda/decoders/decodeLine';
import { m365DefenderDecoder as decoder } from '../../../lambda/decoders/m365-defender/m365DefenderDecoder';
import { eventOf, field, readFixtureLines, reasonOf } from '../fixtures';

const DEVICE = '3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f40';
const lines = readFixtureLines('m365-defender/rmm-after-msi.ndjson');
const hubs = readFixtureLines('m365-defender/event-hubs.ndjson');
const at = (index: number) => lines[index]?.line ?? '';
const source = { object: 'mde.json', line: 1 };

describe('m365-defender decoder', () => {
  it('maps a DeviceProcessEvents ProcessCreated record', () => {
    expect(eventOf(decoder.decode(at(0), source))).toEqual({
      '@timestamp': '2026-12-01T10:00:00.000Z',
      event: {
        kind: 'event',
        category: ['process'],
        type: ['start'],
        action: 'processcreated',
        module: 'm365_defender',
        dataset: 'm365_defender.event',
      },
      data_stream: { type: 'logs', dataset: 'm365_defender.event' },
      host: {
        id: DEVICE,
        name: 'ws-finance-01.corp.example.com',
        os: { type: 'windows' },
      },
      process: {
        name: 'msiexec.exe',
        executable: 'C:\\Windows\\System32\\msiexec.exe',
        command_line:
          'msiexec.exe /i "C:\\Users\\alice\\Downloads\\support client.msi" /qn',
        args: [
          'msiexec.exe',
          '/i',
          'C:\\Users\\alice\\Downloads\\support client.msi',
          '/qn',
        ],
        args_count: 4,
        pid: 6012,
        start: '2026-12-01T09:59:59.998Z',
        hash: { sha256: 'c'.repeat(64) },
        parent: {
          name: 'explorer.exe',
          executable: 'c:\\windows\\explorer.exe',
          command_line: 'Explorer.EXE',
          args: ['Explorer.EXE'],
          args_count: 1,
          pid: 4000,
          start: '2026-12-01T08:00:00.123Z',
        },
      },
      user: {
        id: 'S-1-5-21-1004336348-1177238915-682003330-1105',
        name: 'alice',
        domain: 'corp',
      },
    });
  });

  it('writes host.name in lower case, as the Elastic pipeline does', () => {
    const line = at(0).replace(
      '"DeviceName":"ws-finance-01.corp.example.com"',
      '"DeviceName":"WS-Finance-01.CORP.example.com"',
    );
    expect(line).toContain('WS-Finance-01');
    const event = eventOf(decoder.decode(line, source));
    expect(field(event, 'host.name')).toBe('ws-finance-01.corp.example.com');
  });
  it('cuts seven fractional digits to milliseconds, as Elastic does', () => {
    const event = eventOf(decoder.decode(at(2), source));
    expect(event['@timestamp']).toBe('2026-12-01T10:00:30.000Z');
  });

  it('skips a network event without parsing it', () => {
    expect(decoder.decode(at(1), source)).toEqual({ kind: 'skipped', source });
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
    expect(events.map((event) => field(event, 'host.id'))).toEqual([
      DEVICE,
      DEVICE,
    ]);
    expect(field(events[1] ?? {}, 'process.command_line')).toContain(
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=',
    );
  });

  it('decodes every record of an Event Hubs envelope, numbered', () => {
    const results = decodeLine(decoder, hubs[0]?.line ?? '', source);
    expect(results.map((result) => result.kind)).toEqual([
      'event',
      'skipped',
      'event',
    ]);
    expect(results[2]?.kind === 'event' && results[2].source).toEqual({
      object: 'mde.json',
      line: 1,
      record: 3,
    });
  });

  it('skips a whole envelope that holds no process events', () => {
    expect(decodeLine(decoder, hubs[1]?.line ?? '', source)).toEqual([
      { kind: 'skipped', source },
    ]);
  });

  it('refuses to decode a many-record line with decode alone', () => {
    expect(reasonOf(decoder.decode(hubs[0]?.line ?? '', source))).toBe(
      'line holds 3 records; decode it with decodeAll',
    );
  });

  it('reports a process record without DeviceId', () => {
    const line = at(0).replace(`"DeviceId":"${DEVICE}",`, '');
    expect(reasonOf(decoder.decode(line, source))).toBe('no DeviceId');
  });

  it('reports a Timestamp in no known form', () => {
    const line = at(0)
      .replace('"Timestamp":"2026-12-01T10:00:00.0000000Z"', '"Timestamp":"x"')
      .replace(/"time":"[^"]*"/, '"time":"later"');
    expect(reasonOf(decoder.decode(line, source))).toBe(
      'Timestamp in no known form: x',
    );
  });

  it('reports a broken line that mentions process events', () => {
    expect(reasonOf(decoder.decode(at(0).slice(0, 200), source))).toMatch(
      /^not JSON/,
    );
  });

  it('recognises single records and envelopes', () => {
    expect(decoder.sniff([at(1)])).toBe(true);
    expect(decoder.sniff([hubs[0]?.line ?? ''])).toBe(true);
    expect(decoder.sniff(['{"records":[]}'])).toBe(false);
  });
});
