import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../../lambda/decoders/common/limits';
import { detectFormat } from '../../../lambda/decoders/detectFormat';
import { ecsJsonDecoder } from '../../../lambda/decoders/ecs/ecsJsonDecoder';
import {
  chunksOf,
  collect,
  eventOf,
  field,
  readFixture,
  reasonOf,
} from '../fixtures';

async function decodeText(text: string, chunkSize = 7) {
  return collect(
    ecsJsonDecoder.decode(chunksOf(Buffer.from(text), chunkSize), 'o.json'),
  );
}

describe('ecs-json stream decoder', () => {
  it('reads the documents of a _search response, byte by byte', async () => {
    const results = await decodeText(
      readFixture('ecs/search-response.json'),
      1,
    );
    expect(results).toHaveLength(2);
    const first = eventOf(results[0]);
    expect(field(first, 'process.name')).toBe('msiexec.exe');
    expect(field(first, 'process.args')).toEqual([
      'msiexec.exe',
      '/i',
      'a [b].msi',
    ]);
    expect(first.message).toBe('quote " and brace } and bracket ] in a string');
    expect(field(eventOf(results[1]), 'process.name')).toBe(
      'ScreenConnect.ClientService.exe',
    );
  });

  it('gives each document its record number and line', async () => {
    const results = await decodeText(readFixture('ecs/search-response.json'));
    expect(
      results.map((result) => result.kind === 'event' && result.source),
    ).toEqual([
      { object: 'o.json', record: 1, line: 9, offset: expect.any(Number) },
      { object: 'o.json', record: 2, line: 20, offset: expect.any(Number) },
    ]);
  });

  it('reads a top-level array of documents and of search hits', async () => {
    const text =
      '[{"@timestamp":"2026-12-01T10:00:00Z","a":"é"},' +
      ' {"_index":"i","_source":{"@timestamp":"2026-12-01T10:00:01Z"}}]';
    const results = await decodeText(text, 3);
    expect(results.map(eventOf)).toEqual([
      { '@timestamp': '2026-12-01T10:00:00Z', a: 'é' },
      { '@timestamp': '2026-12-01T10:00:01Z' },
    ]);
  });

  it('reads a @timestamp without zone as UTC in an array', async () => {
    const text =
      '[{"_id":"1","_source":{"@timestamp":"2026-12-01T10:00:00.123"}}]';
    const results = await decodeText(text);
    expect(eventOf(results[0])).toEqual({
      '@timestamp': '2026-12-01T10:00:00.123Z',
    });
  });

  it('reports a bad element and carries on with the next', async () => {
    const text =
      '[{"no":"timestamp"}, 42, {"@timestamp":"2026-12-01T10:00:00Z"}]';
    const results = await decodeText(text);
    expect(reasonOf(results[0])).toBe('no @timestamp');
    expect(reasonOf(results[1])).toBe('not a JSON object: a number');
    expect(eventOf(results[2])).toEqual({
      '@timestamp': '2026-12-01T10:00:00Z',
    });
  });

  it('reports an input cut off inside a document', async () => {
    const results = await decodeText('[{"@timestamp":"2026-12-01T10:00:00Z"');
    expect(results).toHaveLength(1);
    expect(reasonOf(results[0])).toBe(
      'input ended inside an unfinished JSON value',
    );
  });

  it('reports a response without hits.hits', async () => {
    const results = await decodeText('{"took":1,"error":"x"}');
    expect(reasonOf(results[0])).toBe('no hits.hits found in the input');
  });

  it('reports an empty input', async () => {
    const results = await decodeText('  \n');
    expect(reasonOf(results[0])).toMatch(/^empty input/);
  });

  it('recognises an array and a _search response but not NDJSON', () => {
    expect(ecsJsonDecoder.sniff(Buffer.from('\n [ {"@timestamp"'))).toBe(true);
    expect(
      ecsJsonDecoder.sniff(Buffer.from('{\n  "took" : 3,\n  "timed_out"')),
    ).toBe(true);
    expect(
      ecsJsonDecoder.sniff(
        Buffer.from('{"@timestamp":"2026-12-01T10:00:00Z"}'),
      ),
    ).toBe(false);
  });
});

describe('ecs-json with winlogbeat documents no pipeline has mapped', () => {
  it('maps a Sysmon process start in an array as winlogbeat-raw does', async () => {
    const results = await decodeText(
      readFixture('ecs/winlogbeat-raw-array.json'),
    );
    expect(results.map((result) => result.kind)).toEqual(['event', 'skipped']);
    const event = eventOf(results[0]);
    expect(field(event, 'process.name')).toBe('msiexec.exe');
    expect(field(event, 'process.executable')).toBe(
      'C:\\Windows\\System32\\msiexec.exe',
    );
    expect(field(event, 'process.pid')).toBe(7220);
    expect(field(event, 'process.args')).toEqual([
      'msiexec.exe',
      '/i',
      'C:\\Temp\\agent setup.msi',
      '/qn',
    ]);
    expect(field(event, 'process.parent.name')).toBe('explorer.exe');
    expect(field(event, 'host.id')).toBe(
      '0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6',
    );
    expect(field(event, 'event.type')).toEqual(['start']);
    expect(field(event, 'winlog.event_data')).toBeUndefined();
  });

  it('maps such a document inside the hits of a _search response', async () => {
    const documents = readFixture('ecs/winlogbeat-raw-array.json');
    const text = `{"took":2,"hits":{"hits":[{"_index":"winlogbeat-8","_id":"a","_source":${JSON.stringify(JSON.parse(documents)[0])}}]}}`;
    const results = await decodeText(text);
    expect(results).toHaveLength(1);
    expect(field(eventOf(results[0]), 'process.name')).toBe('msiexec.exe');
  });
});

describe('ecs-json with one pretty-printed document', () => {
  const pretty = readFixture('ecs/pretty-document.json');

  it('is recognised as ecs-json from its first bytes', () => {
    const head = Buffer.from(pretty.slice(0, 40));
    expect(ecsJsonDecoder.sniff(head)).toBe(true);
    expect(detectFormat(head).decoder?.name).toBe('ecs-json');
  });

  it('reads the whole object as one document, byte by byte', async () => {
    const results = await decodeText(pretty, 1);
    expect(results).toHaveLength(1);
    const event = eventOf(results[0]);
    expect(event['@timestamp']).toBe('2026-12-01T10:00:00.250Z');
    expect(field(event, 'host.id')).toBe(
      'b7e1c2d3-a4f5-4687-9a0b-1c2d3e4f5a6b',
    );
    expect(field(event, 'process.args')).toEqual([
      'msiexec.exe',
      '/i',
      'tool {v2}.msi',
    ]);
    expect(event.message).toBe('a brace } and a bracket ] in a string');
    expect(results[0]?.kind === 'event' && results[0].source).toEqual({
      object: 'o.json',
      record: 1,
      line: 1,
      offset: 0,
    });
  });

  it('reads a document whose first key comes after a byte-order mark', async () => {
    const results = await decodeText(`\uFEFF\n${pretty}`, 2);
    expect(field(eventOf(results[0]), 'process.pid')).toBe(4410);
  });

  it('reports a document cut off before its end', async () => {
    const results = await decodeText(pretty.slice(0, 300));
    expect(results).toHaveLength(1);
    expect(reasonOf(results[0])).toBe(
      'input ended inside an unfinished JSON value',
    );
  });

  it('refuses a document past the record size limit', async () => {
    const big = `{\n  "@timestamp": "2026-12-01T10:00:00Z",\n  "m": "${'x'.repeat(
      MAX_RECORD_CHARS,
    )}"\n}\n`;
    const results = await decodeText(big, 65536);
    expect(results).toHaveLength(1);
    expect(reasonOf(results[0])).toBe(
      `element exceeds the limit of ${MAX_RECORD_CHARS} bytes`,
    );
  });

  it('leaves one-line NDJSON objects to the line formats', () => {
    const ndjson =
      '{"@timestamp":"2026-12-01T10:00:00Z"}\n{"@timestamp":"2026-12-01T10:00:01Z"}\n';
    expect(ecsJsonDecoder.sniff(Buffer.from(ndjson))).toBe(false);
    expect(detectFormat(Buffer.from(ndjson)).decoder?.name).toBe('ecs');
  });
});
