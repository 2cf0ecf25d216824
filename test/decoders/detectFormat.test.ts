import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decoders, findDecoder } from '../../lambda/decoders/decoders';
import {
  describeUnknown,
  detectFormat,
} from '../../lambda/decoders/detectFormat';
import { readFixture } from './fixtures';

function detectedName(text: string | Buffer): string | null {
  const head = typeof text === 'string' ? Buffer.from(text) : text;
  return detectFormat(head, { complete: true }).decoder?.name ?? null;
}

describe('detectFormat', () => {
  it.each([
    ['ecs/rmm-after-msi.ndjson', 'ecs'],
    ['ecs/search-hits.ndjson', 'ecs'],
    ['ecs/search-response.json', 'ecs-json'],
    ['crowdstrike-fdr/rmm-after-msi.ndjson', 'crowdstrike-fdr'],
    [
      'sentinelone-cloud-funnel/rmm-after-msi.ndjson',
      'sentinelone-cloud-funnel',
    ],
    ['m365-defender/rmm-after-msi.ndjson', 'm365-defender'],
    ['m365-defender/event-hubs.ndjson', 'm365-defender'],
    ['winlogbeat-raw/rmm-after-msi.ndjson', 'winlogbeat-raw'],
    ['windows-xml/one-per-line.xml', 'windows-xml'],
    ['windows-xml/forwarded-events.xml', 'windows-xml'],
  ])('recognises %s as %s', (fixture, name) => {
    expect(detectedName(readFixture(fixture))).toBe(name);
  });

  it('recognises a top-level JSON array and an EVTX file', () => {
    expect(detectedName('[{"@timestamp":"2026-12-01T10:00:00Z"}]')).toBe(
      'ecs-json',
    );
    const evtx = Buffer.concat([Buffer.from('ElfFile\0'), Buffer.alloc(120)]);
    expect(detectedName(evtx)).toBe('evtx');
  });

  it('looks past a corrupt first line', () => {
    const text = `{"aid":"cut off\n${readFixture('crowdstrike-fdr/rmm-after-msi.ndjson')}`;
    expect(detectedName(text)).toBe('crowdstrike-fdr');
  });

  it('does not sniff a last line the head cut short', () => {
    const head = Buffer.from('{"@timestamp":"2026-12-01T10:00:00Z","a"');
    expect(detectFormat(head).decoder).toBeNull();
    expect(detectFormat(head, { complete: true }).decoder).toBeNull();
    const whole = Buffer.from('{"@timestamp":"2026-12-01T10:00:00Z"}\n{"@t');
    expect(detectFormat(whole).decoder?.name).toBe('ecs');
  });

  it('uses the named format whatever the bytes say', () => {
    const found = detectFormat(Buffer.from('anything'), {
      format: 'm365-defender',
    });
    expect(found.decoder?.name).toBe('m365-defender');
  });

  it('lists the known names for an unknown override', () => {
    const found = detectFormat(Buffer.from(''), { format: 'splunk' });
    expect(found.reason).toBe(
      `no format named splunk (known: ${decoders.map((d) => d.name).join(', ')})`,
    );
  });

  it('shows the first bytes of an input no decoder takes', () => {
    expect(
      detectFormat(Buffer.from('time,host\n1,"a"\n'), { complete: true }),
    ).toEqual({
      decoder: null,
      reason: 'unknown format; first bytes: "time,host\\n1,\\"a\\"\\n"',
    });
  });

  it('names a gzip stream that should have been decompressed', () => {
    const reason = describeUnknown(gzipSync(Buffer.from('{}')));
    expect(reason).toMatch(
      /^unknown format \(looks like gzip data that was not decompressed\); first bytes: "\\x1f\\x8b\\x08/,
    );
  });

  it('describes an empty input', () => {
    expect(describeUnknown(Buffer.alloc(0))).toBe(
      'unknown format: the input is empty',
    );
  });

  it('finds decoders by name, each name once', () => {
    const names = decoders.map((decoder) => decoder.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual([
      'evtx',
      'windows-xml',
      'ecs-json',
      'crowdstrike-fdr',
      'sentinelone-cloud-funnel',
      'm365-defender',
      'winlogbeat-raw',
      'ecs',
    ]);
    expect(findDecoder('ecs')?.kind).toBe('lines');
    expect(findDecoder('nope')).toBeUndefined();
  });
});
