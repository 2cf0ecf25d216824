import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NeedleScanner } from '../../lambda/detector/NeedleScanner';
import { scanObject } from '../../lambda/detector/scanObject';
import { SLICE_BYTES } from '../../lambda/detector/wasm/PairScan';
import { chunksOf, RMM_AFTER_MSI, ruleFromQuery } from './ruleFromQuery';

const rules = [ruleFromQuery(RMM_AFTER_MSI)];

/** Every case variant a fuzzer may pick: each letter upper or lower. */
const randomCase = (text: string) =>
  fc
    .array(fc.boolean(), { minLength: text.length, maxLength: text.length })
    .map((upper) =>
      [...text]
        .map((char, i) => (upper[i] ? char.toUpperCase() : char.toLowerCase()))
        .join(''),
    );

// Ways a JSON encoder may spell a value that still decodes to it: as is,
// or with a Kelvin sign for a `k` (which the EQL comparisons lower-case to
// `k`), raw or escaped as encoders that keep output ASCII write it.
const spelled = (text: string) =>
  fc.oneof(
    fc.constant(JSON.stringify(text)),
    fc.constant(JSON.stringify(text.replace(/k/gi, '\u212a'))),
    fc.constant(
      JSON.stringify(text.replace(/k/gi, '\u212a')).replace(
        /\u212a/g,
        '\\u212A',
      ),
    ),
  );

const NAMES = [
  'msiexec.exe',
  'ScreenConnect.ClientService.exe',
  'tvnserver.exe',
  'winvnc.exe',
  'svchost.exe',
  'msiexec.ex',
];

const record = fc
  .record({
    name: fc.constantFrom(...NAMES).chain(randomCase),
    args: fc.array(
      fc.constantFrom('/i', '-I', '/qn', 'x.msi', '?e=Access&y=Guest&h=r&k=1'),
      { maxLength: 3 },
    ),
    host: fc.constantFrom('h1', 'h2'),
    second: fc.integer({ min: 0, max: 59 }),
    noise: fc.string({ maxLength: 20 }),
  })
  .chain((fields) =>
    spelled(fields.name).map((nameJson) => {
      const args = fields.args;
      const time = `2026-01-05T08:00:${String(fields.second).padStart(2, '0')}.000Z`;
      return (
        `{"@timestamp":"${time}",` +
        `"event":{"type":["start"],"category":["process"]},` +
        `"note":${JSON.stringify(fields.noise)},` +
        `"host":{"id":"${fields.host}","os":{"type":"windows"}},` +
        `"process":{"name":${nameJson},"args":${JSON.stringify(args)},` +
        `"command_line":${JSON.stringify(args.join(' '))}}}`
      );
    }),
  );

describe('the needle prefilter', () => {
  it('never drops a record that satisfies a stage', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(record, { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 300 }),
        async (lines, chunk) => {
          const bytes = Buffer.from(`${lines.join('\n')}\n`);
          const run = (needlePrefilter: boolean) =>
            scanObject(chunksOf(bytes, chunk), 'obj', rules, {
              needlePrefilter,
            });
          const [filtered, full] = await Promise.all([run(true), run(false)]);
          expect(full.error).toBeNull();
          expect(filtered.groups).toEqual(full.groups);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('NeedleScanner', () => {
  it('finds every occurrence in any letter case, like a naive search', () => {
    const needles = ['msiexec.exe', 'winvnc.exe', 'e=access'];
    const text = fc
      .array(
        fc.oneof(
          fc.constantFrom(...needles).chain(randomCase),
          fc.string({ maxLength: 8 }),
        ),
        { maxLength: 20 },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (haystack) => {
        const bytes = Buffer.from(haystack, 'latin1');
        const lower = bytes.toString('latin1').toLowerCase();
        const expected: number[] = [];
        for (let at = 0; at < lower.length; at += 1) {
          if (needles.some((needle) => lower.startsWith(needle, at))) {
            expected.push(at);
          }
        }
        const hits: number[] = [];
        new NeedleScanner(needles).scan(bytes, 0, bytes.length, hits);
        expect([...new Set(hits)]).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same occurrences in long inputs, scanned in six parts', () => {
    const needles = ['msiexec.exe', 'winvnc.exe', 'e=access'];
    const planted = fc.array(
      fc.tuple(fc.nat(20_000), fc.constantFrom(...needles).chain(randomCase)),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(
        planted,
        fc.integer({ min: 4096, max: 20_000 }),
        (plants, size) => {
          const bytes = Buffer.alloc(size, 'exe.e'.repeat(1));
          for (const [at, needle] of plants) {
            bytes.write(needle, Math.min(at, size - needle.length), 'latin1');
          }
          const lower = bytes.toString('latin1').toLowerCase();
          const expected: number[] = [];
          for (let at = 0; at < lower.length; at += 1) {
            if (needles.some((needle) => lower.startsWith(needle, at))) {
              expected.push(at);
            }
          }
          const hits: number[] = [];
          new NeedleScanner(needles).scan(bytes, 0, bytes.length, hits);
          expect([...new Set(hits)]).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds occurrences across slice boundaries, within the range asked', () => {
    const needles = ['msiexec.exe', 'winvnc.exe', 'e=access'];
    const nearBoundary = fc
      .tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: -12, max: 2 }))
      .map(([slice, offset]) => slice * SLICE_BYTES + offset);
    const planted = fc.array(
      fc.tuple(
        fc.oneof(nearBoundary, fc.nat(3 * SLICE_BYTES)),
        fc.constantFrom(...needles).chain(randomCase),
      ),
      { maxLength: 8 },
    );
    const size = 3 * SLICE_BYTES + 100;
    fc.assert(
      fc.property(planted, fc.nat(40), fc.nat(40), (plants, cutStart, cut) => {
        const bytes = Buffer.alloc(size, 'exe.e');
        for (const [at, needle] of plants) {
          bytes.write(needle, Math.min(at, size - needle.length), 'latin1');
        }
        const from = cutStart;
        const to = size - cut;
        const lower = bytes.toString('latin1').toLowerCase();
        const expected: number[] = [];
        for (let at = from; at < to; at += 1) {
          const fits = (needle: string) =>
            at + needle.length <= to && lower.startsWith(needle, at);
          if (needles.some(fits)) expected.push(at);
        }
        const hits: number[] = [];
        new NeedleScanner(needles).scan(bytes, from, to, hits);
        expect([...new Set(hits)]).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
