import { describe, expect, it } from 'vitest';
import { sentinelOneCloudFunnelDecoder as decoder } from '../../../lambda/decoders/sentinelone-cloud-funnel/sentinelOneCloudFunnelDecoder';
import { eventOf, field, readFixtureLines, reasonOf } from '../fixtures';

const AGENT = '5c1e0b7a9f3d4e2a8b6c7d8e9f0a1b2c';
const lines = readFixtureLines('sentinelone-cloud-funnel/rmm-after-msi.ndjson');
const at = (index: number) => lines[index]?.line ?? '';
const source = { object: 's1.gz', line: 1 };

describe('sentinelone-cloud-funnel decoder', () => {
  it('maps a Process Creation as the Cloud Funnel pipeline does', () => {
    expect(eventOf(decoder.decode(at(0), source))).toEqual({
      '@timestamp': '2026-12-01T10:00:00.000Z',
      event: {
        kind: 'event',
        category: ['process'],
        type: ['start'],
        action: 'start',
        module: 'sentinel_one_cloud_funnel',
        dataset: 'sentinel_one_cloud_funnel.event',
        id: '01JEXAMPLE0000000000000001_1',
      },
      data_stream: { type: 'logs', dataset: 'sentinel_one_cloud_funnel.event' },
      host: { id: AGENT, name: 'WS-FINANCE-01', os: { type: 'windows' } },
      process: {
        name: 'msiexec.exe',
        executable: 'C:\\Windows\\System32\\msiexec.exe',
        command_line:
          '"C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\alice\\Downloads\\support client.msi"',
        args: [
          'C:\\Windows\\System32\\msiexec.exe',
          '/i',
          'C:\\Users\\alice\\Downloads\\support client.msi',
        ],
        args_count: 3,
        pid: 6012,
        entity_id: 'A1B2C3D4E5F60001',
        start: '2026-12-01T09:59:59.995Z',
        hash: { sha256: 'b'.repeat(64) },
        parent: {
          name: 'explorer.exe',
          executable: 'C:\\Windows\\explorer.exe',
          command_line: 'C:\\Windows\\Explorer.EXE',
          args: ['C:\\Windows\\Explorer.EXE'],
          args_count: 1,
          pid: 4000,
          entity_id: 'A1B2C3D4E5F60000',
        },
      },
      user: { name: 'alice', domain: 'CORP' },
    });
  });

  it('splits a command line quoted at both ends as written', () => {
    // Elastic's pipeline would strip the outer quotes first and get
    // `...ClientService.exe" "?e=...` as one broken string.
    const event = eventOf(decoder.decode(at(2), source));
    expect(field(event, 'process.args')).toEqual([
      'C:\\Program Files (x86)\\ScreenConnect Client (1a2b3c4d5e6f7a8b)\\ScreenConnect.ClientService.exe',
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=5f0e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c&k=BgIAAACkAABSU0ExAAgAAAEAAQ',
    ]);
    expect(field(event, 'process.command_line')).toMatch(/^"C:\\Program/);
    expect(field(event, 'user')).toEqual({
      name: 'SYSTEM',
      domain: 'NT AUTHORITY',
    });
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
      AGENT,
      AGENT,
    ]);
  });

  it('skips a DNS event without parsing it', () => {
    expect(decoder.decode(at(1), source)).toEqual({ kind: 'skipped', source });
  });

  it('accepts the older ProcessCreation name and nested keys', () => {
    const line = JSON.stringify({
      event: { time: '2026-12-01T10:00:00.123Z', type: 'ProcessCreation' },
      agent: { uuid: 'a1' },
      tgt: { process: { image: { path: 'C:\\x\\y.exe' } } },
    });
    const event = eventOf(decoder.decode(line, source));
    expect(event['@timestamp']).toBe('2026-12-01T10:00:00.123Z');
    expect(field(event, 'process.name')).toBe('y.exe');
  });

  it('reports a process creation without agent.uuid', () => {
    const line = at(0).replace(`"agent.uuid":"${AGENT}",`, '');
    expect(reasonOf(decoder.decode(line, source))).toBe('no agent.uuid');
  });

  it('reports an event.time in no known form', () => {
    const line = at(0).replace(
      '"event.time":1796119200000',
      '"event.time":"noon"',
    );
    expect(reasonOf(decoder.decode(line, source))).toBe(
      'event.time in no known form: noon',
    );
  });

  it('reports a cut-off process creation line', () => {
    expect(reasonOf(decoder.decode(at(0).slice(0, -20), source))).toMatch(
      /^not JSON/,
    );
  });

  it('recognises Cloud Funnel lines and not FDR ones', () => {
    expect(decoder.sniff([at(1)])).toBe(true);
    expect(decoder.sniff(['{"aid":"x","event_simpleName":"DnsRequest"}'])).toBe(
      false,
    );
  });
});
