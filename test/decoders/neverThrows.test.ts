import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLine } from '../../lambda/decoders/decodeLine';
import { decoders } from '../../lambda/decoders/decoders';
import type { LineDecoder, StreamDecoder } from '../../lambda/decoders/types';
import { chunksOf, collect, readFixture, readFixtureLines } from './fixtures';

const lineDecoders = decoders.filter(
  (decoder): decoder is LineDecoder => decoder.kind === 'lines',
);
const streamDecoders = decoders.filter(
  (decoder): decoder is StreamDecoder => decoder.kind === 'stream',
);
const sampleLines = [
  'crowdstrike-fdr/rmm-after-msi.ndjson',
  'sentinelone-cloud-funnel/rmm-after-msi.ndjson',
  'm365-defender/rmm-after-msi.ndjson',
  'm365-defender/event-hubs.ndjson',
  'winlogbeat-raw/rmm-after-msi.ndjson',
  'ecs/rmm-after-msi.ndjson',
].flatMap((path) => readFixtureLines(path).map((entry) => entry.line));
const KINDS = ['event', 'skipped', 'malformed', 'host'];

// A real record with one stretch replaced by arbitrary text: close enough to
// the format to get past the quick checks and into the mapping code.
const mutatedLine = fc
  .tuple(
    fc.constantFrom(...sampleLines),
    fc.nat(),
    fc.nat(40),
    fc.string({
      unit: fc.constantFrom(
        '"',
        '\\',
        '9',
        'x',
        ':',
        ',',
        '{',
        '}',
        '-',
        ' ',
        'T',
      ),
    }),
  )
  .map(([line, at, length, text]) => {
    const start = at % (line.length + 1);
    return line.slice(0, start) + text + line.slice(start + length);
  });

describe('every decoder', () => {
  it.each(lineDecoders.map((decoder) => [decoder.name, decoder] as const))(
    '%s returns a result and never throws, whatever the line',
    (_name, decoder) => {
      fc.assert(
        fc.property(fc.oneof(mutatedLine, fc.string()), (line) => {
          const results = decodeLine(decoder, line, { object: 'o', line: 1 });
          expect(results.length).toBeGreaterThan(0);
          for (const result of results) expect(KINDS).toContain(result.kind);
        }),
        { numRuns: 400 },
      );
    },
  );

  it.each(streamDecoders.map((decoder) => [decoder.name, decoder] as const))(
    '%s ends with results and never throws, whatever the bytes',
    async (_name, decoder) => {
      const xml = readFixture('windows-xml/forwarded-events.xml');
      const json = readFixture('ecs/search-response.json');
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(xml, json),
          fc.nat(),
          fc.string({
            unit: fc.constantFrom('<', '>', '"', '&', '[', ']', 'x', '\n'),
          }),
          async (sample, at, text) => {
            const cut = at % (sample.length + 1);
            const bytes = Buffer.from(
              sample.slice(0, cut) + text + sample.slice(cut + 5),
            );
            const results = await collect(
              decoder.decode(chunksOf(bytes, 97), 'o'),
            );
            expect(results.length).toBeGreaterThan(0);
            for (const result of results) expect(KINDS).toContain(result.kind);
          },
        ),
        { numRuns: 100 },
      );
    },
  );
});
