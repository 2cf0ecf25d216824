import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { scanObject } from '../../lambda/detector/scanObject';
import { chunksOf, RMM_AFTER_MSI, ruleFromQuery } from './ruleFromQuery';

const rules = [ruleFromQuery(RMM_AFTER_MSI)];

function processStart(
  time: string,
  host: string,
  name: string,
  args: string[],
): string {
  return JSON.stringify({
    '@timestamp': time,
    event: { type: ['start'], category: ['process'] },
    host: { id: host, os: { type: 'windows' } },
    process: { name, args, command_line: args.join(' ') },
  });
}

const msiexec = (time: string, host = 'h1') =>
  processStart(time, host, 'msiexec.exe', ['msiexec.exe', '/i', 'a.msi']);
const screenConnect = (time: string, host = 'h1') =>
  processStart(time, host, 'ScreenConnect.ClientService.exe', [
    'ScreenConnect.ClientService.exe',
    '?e=Access&y=Guest&h=relay&k=abc',
  ]);
const other = (time: string) =>
  processStart(time, 'h2', 'svchost.exe', ['svchost.exe', '-k', 'netsvcs']);

const LINES = [
  other('2026-01-05T08:00:00.000Z'),
  msiexec('2026-01-05T08:00:01.000Z'),
  other('2026-01-05T08:00:02.000Z'),
  screenConnect('2026-01-05T08:00:03.000Z'),
  other('2026-01-05T08:00:04.000Z'),
];
const TEXT = Buffer.from(`${LINES.join('\n')}\n`);

async function scan(bytes: Buffer, chunk = 1 << 16, maxRecordBytes?: number) {
  return scanObject(chunksOf(bytes, chunk), 'obj', rules, {
    ...(maxRecordBytes === undefined ? {} : { maxRecordBytes }),
  });
}

describe('scanObject', () => {
  it('groups the candidates of a sequence by rule and join key', async () => {
    const result = await scan(TEXT);
    expect(result.error).toBeNull();
    expect(result.format).toBe('ecs');
    expect(result.groups).toHaveLength(1);
    const [group] = result.groups;
    expect(group?.groupId).toBe('rule-1\u0000["h1"]');
    expect(group?.candidates.map((c) => [c.id, c.stages])).toEqual([
      ['obj#2', [0]],
      ['obj#4', [1]],
    ]);
    expect(group?.candidates[0]?.timestamp).toBe(Date.UTC(2026, 0, 5, 8, 0, 1));
  });

  it('counts every line but decodes only those holding a needle', async () => {
    const result = await scan(TEXT);
    expect(result.stats.records).toBe(5);
    expect(result.stats.events).toBe(2);
    expect(result.stats.candidates).toBe(2);
  });

  it('keeps only the fields alerts show in a candidate', async () => {
    const result = await scan(TEXT);
    const event = result.groups[0]?.candidates[0]?.event;
    expect(event).toEqual({
      '@timestamp': '2026-01-05T08:00:01.000Z',
      host: { id: 'h1' },
      process: {
        name: 'msiexec.exe',
        args: ['msiexec.exe', '/i', 'a.msi'],
        command_line: 'msiexec.exe /i a.msi',
      },
    });
  });

  it('gives the same result for gzip and plain input, by content', async () => {
    const plain = await scan(TEXT);
    const compressed = gzipSync(TEXT);
    const zipped = await scan(compressed, 7);
    expect(zipped.groups).toEqual(plain.groups);
    expect(zipped.stats.bytes).toBe(TEXT.length);
    expect(zipped.stats.compressedBytes).toBe(compressed.length);
  });

  it('reads concatenated gzip members one after the other', async () => {
    const half = LINES.slice(0, 2).join('\n');
    const rest = LINES.slice(2).join('\n');
    const bytes = Buffer.concat([gzipSync(`${half}\n`), gzipSync(`${rest}\n`)]);
    const result = await scan(bytes);
    expect(result.stats.records).toBe(5);
    expect(result.groups[0]?.candidates).toHaveLength(2);
  });

  it('reports a truncated gzip with how far it got, keeping earlier events', async () => {
    const many = Array.from({ length: 2000 }, (_, i) =>
      i === 0
        ? msiexec('2026-01-05T08:00:01.000Z')
        : other(`2026-01-05T08:00:02.000Z`),
    ).join('\n');
    const zipped = gzipSync(`${many}\n`);
    const cut = zipped.subarray(0, Math.floor(zipped.length * 0.6));
    const result = await scan(cut, 4096);
    expect(result.error).toMatch(/^obj: gzip data ends early/);
    expect(result.error).toContain(`after ${cut.length} input bytes`);
    expect(result.error).toMatch(/\d+ lines read/);
    expect(result.stats.records).toBeGreaterThan(0);
    expect(result.stats.records).toBeLessThan(2000);
    expect(result.groups[0]?.candidates.map((c) => c.id)).toEqual(['obj#1']);
  });

  it('reports corrupt gzip data as corrupt, with how far it got', async () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      other(`2026-01-05T08:00:${String(i % 60).padStart(2, '0')}.000Z`),
    ).join('\n');
    const zipped = Buffer.from(gzipSync(`${many}\n`));
    zipped.fill(0xff, Math.floor(zipped.length / 2), zipped.length - 20);
    const result = await scan(zipped, 1000);
    expect(result.error).toMatch(/^obj: gzip data is corrupt/);
    expect(result.error).toMatch(/\d+ bytes decompressed, \d+ lines read/);
  });

  it('reports progress as it reads', async () => {
    const line = other('2026-01-05T08:00:00.000Z');
    const count = Math.ceil((17 << 20) / (line.length + 1));
    const big = Buffer.from(`${line}\n`.repeat(count));
    const seen: number[] = [];
    await scanObject(chunksOf(big, 1 << 20), 'obj', rules, {
      onProgress: (stats) => seen.push(stats.bytes),
    });
    expect(seen.length).toBeGreaterThanOrEqual(1);
    expect(seen[0]).toBeGreaterThanOrEqual(16 << 20);
  });

  it('reports an over-long line with its line number and goes on', async () => {
    const long = msiexec('2026-01-05T08:00:01.000Z').replace(
      'a.msi',
      'x'.repeat(5000),
    );
    const bytes = Buffer.from(
      [
        other('2026-01-05T08:00:00.000Z'),
        long,
        screenConnect('2026-01-05T08:00:03.000Z'),
      ].join('\n'),
    );
    const result = await scan(bytes, 100, 1000);
    expect(result.malformed).toEqual([
      {
        source: { object: 'obj', line: 2 },
        reason: `line of ${long.length} bytes exceeds the 1000-byte limit`,
      },
    ]);
    expect(result.stats.malformed).toBe(1);
    expect(result.stats.records).toBe(3);
    expect(result.groups[0]?.candidates.map((c) => c.id)).toEqual(['obj#3']);
  });

  it('reports a candidate with a bad @timestamp with its line', async () => {
    const bad = msiexec('yesterday at noon');
    const bytes = Buffer.from(
      [other('2026-01-05T08:00:00.000Z'), bad].join('\n'),
    );
    const result = await scan(bytes);
    expect(result.stats.malformed).toBe(1);
    expect(result.malformed[0]?.source).toEqual({ object: 'obj', line: 2 });
    expect(result.groups).toEqual([]);
  });

  it('reads \\r\\n line endings and keeps line numbers across empty lines', async () => {
    const bytes = Buffer.from(
      `${other('2026-01-05T08:00:00.000Z')}\r\n\r\n${msiexec('2026-01-05T08:00:01.000Z')}\r\n`,
    );
    const result = await scan(bytes, 3);
    expect(result.stats.records).toBe(2);
    expect(result.groups[0]?.candidates.map((c) => c.id)).toEqual(['obj#3']);
  });

  it('decodes a line whose needle hides behind an escaped Kelvin sign', async () => {
    const query =
      'process where process.name : "kworker.exe" and process.args : "/i"';
    const hidden = processStart('2026-01-05T08:00:01.000Z', 'h1', 'NAME', [
      '/i',
    ]).replace('"NAME"', '"\\u212Aworker.exe"');
    const result = await scanObject(
      chunksOf(Buffer.from(`${hidden}\n`), 7),
      'obj',
      [ruleFromQuery(query)],
    );
    expect(result.eventMatches.map((m) => m.candidate.id)).toEqual(['obj#1']);
  });

  it('does not look behind escapes of printable ASCII, which encoders never write', async () => {
    const hidden = processStart('2026-01-05T08:00:01.000Z', 'h1', 'NAME', [
      '/i',
      'a.msi',
    ]).replace('"NAME"', '"msiexec\\u002eexe"');
    const result = await scan(Buffer.from(`${hidden}\n`));
    expect(result.stats.events).toBe(0);
    expect(result.groups).toEqual([]);
  });

  it('says so when no decoder recognises the input', async () => {
    const result = await scan(Buffer.from('just some text\nmore text\n'));
    expect(result.format).toBeNull();
    expect(result.error).toMatch(
      /^obj: unknown format; first bytes: "just some text/,
    );
  });

  it('decodes every line when the prefilter is off', async () => {
    const result = await scanObject(chunksOf(TEXT, 64), 'obj', rules, {
      needlePrefilter: false,
    });
    expect(result.stats.events).toBe(5);
    expect(result.groups[0]?.candidates).toHaveLength(2);
  });

  it('fires an event query once per matching event', async () => {
    const eventRule = ruleFromQuery(
      'process where process.name : "svchost.exe"',
      'svc',
    );
    const result = await scanObject(chunksOf(TEXT, 64), 'obj', [eventRule]);
    expect(result.eventMatches.map((m) => m.candidate.id)).toEqual([
      'obj#1',
      'obj#3',
      'obj#5',
    ]);
  });
});
