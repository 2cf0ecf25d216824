import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../../lambda/decoders/common/limits';
import { ecsDecoder } from '../../../lambda/decoders/ecs/ecsDecoder';
import {
  eventOf,
  field,
  readFixture,
  readFixtureLines,
  reasonOf,
} from '../fixtures';

const source = { object: 'events.ndjson', line: 1 };

describe('ecs line decoder', () => {
  it('keeps an Elastic Defend process start exactly as written', () => {
    const [first] = readFixtureLines('ecs/rmm-after-msi.ndjson');
    const event = eventOf(ecsDecoder.decode(first?.line ?? '', source));
    expect(event).toEqual(JSON.parse(first?.line ?? ''));
    expect(event['@timestamp']).toBe('2026-12-01T10:00:00.000Z');
  });

  it('passes on documents of every category, leaving the choice to rules', () => {
    const lines = readFixtureLines('ecs/rmm-after-msi.ndjson');
    const results = lines.map((entry) =>
      ecsDecoder.decode(entry.line, { object: 'x', line: entry.number }),
    );
    expect(results.map((result) => result.kind)).toEqual([
      'event',
      'event',
      'event',
      'event',
    ]);
  });

  it('yields msiexec /i then ScreenConnect 30 seconds later on one host', () => {
    const events = readFixtureLines('ecs/rmm-after-msi.ndjson')
      .map((entry) => eventOf(ecsDecoder.decode(entry.line, source)))
      .filter((event) => field(event, 'process.name') !== undefined);
    const msi = events[0] ?? {};
    const rmm = events[2] ?? {};
    expect(field(msi, 'process.name')).toBe('msiexec.exe');
    expect(field(msi, 'process.args')).toContain('/i');
    expect(field(rmm, 'process.name')).toBe('ScreenConnect.ClientService.exe');
    expect(field(rmm, 'process.command_line')).toContain(
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=',
    );
    expect(field(rmm, 'host.id')).toBe('7d3c2b1a-0000-4000-8000-000000000001');
    expect(field(msi, 'host.id')).toBe('7d3c2b1a-0000-4000-8000-000000000001');
    expect(rmm['@timestamp']).toBe('2026-12-01T10:00:30.000Z');
    expect(msi['@timestamp']).toBe('2026-12-01T10:00:00.000Z');
  });

  it('unwraps a search hit to its _source', () => {
    const [hit] = readFixtureLines('ecs/search-hits.ndjson');
    const event = eventOf(ecsDecoder.decode(hit?.line ?? '', source));
    expect(event).toEqual({
      '@timestamp': '2026-12-01T10:00:00.000Z',
      event: { category: ['process'], type: ['start'] },
      host: { id: 'h1' },
      process: { name: 'msiexec.exe' },
    });
  });

  it('turns an epoch-milliseconds @timestamp into ISO 8601', () => {
    const line = '{"@timestamp":1764583200000,"host":{"id":"h"}}';
    const event = eventOf(ecsDecoder.decode(line, source));
    expect(event['@timestamp']).toBe('2025-12-01T10:00:00.000Z');
  });

  it('accepts seven fractional digits, as Elastic Defend writes them', () => {
    const line = '{"@timestamp":"2022-04-04T18:53:08.6578986Z"}';
    const event = eventOf(ecsDecoder.decode(line, source));
    expect(event['@timestamp']).toBe('2022-04-04T18:53:08.6578986Z');
  });

  it('ignores a byte-order mark in front of the first line', () => {
    const line = '\uFEFF{"@timestamp":"2026-12-01T10:00:00Z"}';
    expect(eventOf(ecsDecoder.decode(line, source))).toEqual({
      '@timestamp': '2026-12-01T10:00:00Z',
    });
    expect(ecsDecoder.sniff([line])).toBe(true);
  });

  it('reports a line that is not JSON', () => {
    expect(reasonOf(ecsDecoder.decode('{"@timestamp":', source))).toMatch(
      /^not JSON/,
    );
  });

  it('reports JSON that is not an object', () => {
    expect(reasonOf(ecsDecoder.decode('[1,2]', source))).toBe(
      'not a JSON object: an array',
    );
  });

  it('reads a @timestamp without zone as UTC, as Elasticsearch does', () => {
    const line =
      '{"@timestamp":"2026-12-01T10:00:00.123","host":{"name":"h1"}}';
    expect(eventOf(ecsDecoder.decode(line, source))).toEqual({
      '@timestamp': '2026-12-01T10:00:00.123Z',
      host: { name: 'h1' },
    });
  });

  it('keeps a @timestamp that has an offset as written', () => {
    const line = '{"@timestamp":"2026-12-01T11:00:00.123+01:00"}';
    expect(eventOf(ecsDecoder.decode(line, source))['@timestamp']).toBe(
      '2026-12-01T11:00:00.123+01:00',
    );
  });

  it('reports a document without @timestamp', () => {
    expect(reasonOf(ecsDecoder.decode('{"host":{"id":"h"}}', source))).toBe(
      'no @timestamp',
    );
  });

  it('reports a @timestamp in no known form', () => {
    const line = '{"@timestamp":"01/12/2026 10:00"}';
    expect(reasonOf(ecsDecoder.decode(line, source))).toBe(
      '@timestamp in no known form: 01/12/2026 10:00',
    );
  });

  it('reports a search hit whose _source is not an object', () => {
    const line = '{"_index":"i","_source":"text"}';
    expect(reasonOf(ecsDecoder.decode(line, source))).toBe(
      'search hit without an object in _source',
    );
  });

  it('refuses an oversize line before parsing it', () => {
    const line = `{"@timestamp":"2026-12-01T10:00:00Z","m":"${'x'.repeat(
      MAX_RECORD_CHARS,
    )}"}`;
    expect(reasonOf(ecsDecoder.decode(line, source))).toMatch(
      /exceeds the limit/,
    );
  });

  it('keeps the source position in the result', () => {
    const result = ecsDecoder.decode('nope', { object: 'o', line: 7 });
    expect(result).toEqual({
      kind: 'malformed',
      record: { source: { object: 'o', line: 7 }, reason: expect.any(String) },
    });
  });

  it('recognises ECS lines and search-hit lines', () => {
    const lines = readFixtureLines('ecs/rmm-after-msi.ndjson');
    expect(ecsDecoder.sniff(lines.map((entry) => entry.line))).toBe(true);
    const hits = readFixtureLines('ecs/search-hits.ndjson');
    expect(ecsDecoder.sniff(hits.map((entry) => entry.line))).toBe(true);
  });

  it('does not claim raw winlogbeat or CrowdStrike lines', () => {
    const raw =
      '{"@timestamp":"2026-12-01T10:00:00.000Z","winlog":{"event_id":"1","event_data":{"Image":"C:\\\\a.exe"}}}';
    expect(ecsDecoder.sniff([raw])).toBe(false);
    const fdr =
      '{"event_simpleName":"ProcessRollup2","timestamp":"1764583200000"}';
    expect(ecsDecoder.sniff([fdr])).toBe(false);
    expect(ecsDecoder.sniff([])).toBe(false);
  });
});

describe('ecs line decoder with a winlogbeat document no pipeline mapped', () => {
  it('maps a search hit wrapping a raw Sysmon process start', () => {
    const documents = JSON.parse(
      readFixture('ecs/winlogbeat-raw-array.json'),
    ) as unknown[];
    const line = JSON.stringify({
      _index: 'winlogbeat-8.15.0',
      _id: 'x1',
      _source: documents[0],
    });
    const event = eventOf(ecsDecoder.decode(line, source));
    expect(field(event, 'process.name')).toBe('msiexec.exe');
    expect(field(event, 'process.parent.executable')).toBe(
      'C:\\Windows\\explorer.exe',
    );
    expect(field(event, 'user.name')).toBe('bob');
  });
});
