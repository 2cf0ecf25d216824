import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evtxDecoder } from '../../../lambda/decoders/evtx/evtxDecoder';
import type { DecodeResult } from '../../../lambda/decoders/types';
import type { RecordSpec } from '../../fixtures/evtx/evtxSpec';
import { resealChunk } from '../../fixtures/evtx/resealChunk';
import {
  MSIEXEC_START,
  SCENARIO_HOST,
  SCREENCONNECT_START,
  sysmonNetworkConnect,
  sysmonProcessCreate,
} from '../../fixtures/evtx/scenarios';
import { writeEvtx } from '../../fixtures/evtx/writeEvtx';
import { chunksOf, collect, field } from '../fixtures';

const OBJECT = 'exports/WKS-042.evtx';
const CHUNK_0 = 4096;
const CHUNK_1 = 4096 + 65_536;

function decode(bytes: Buffer): Promise<DecodeResult[]> {
  return collect(evtxDecoder.decode(chunksOf(bytes, 65_536), OBJECT));
}

/** Three records: msiexec (101), ScreenConnect (102), network (103). */
function threeRecords(secondChunk = false): RecordSpec[] {
  const network = sysmonNetworkConnect(
    103,
    new Date('2026-11-30T09:16:00Z'),
    SCENARIO_HOST,
  );
  return [
    sysmonProcessCreate(MSIEXEC_START),
    { ...sysmonProcessCreate(SCREENCONNECT_START), newChunk: secondChunk },
    network,
  ];
}

/** Each result as kind plus record id or reason, for compact comparison. */
function summary(results: DecodeResult[]): string[] {
  return results.map((result) => {
    if (result.kind === 'malformed') {
      const { offset, record } = result.record.source;
      return `malformed@${offset}${record === undefined ? '' : `#${record}`}`;
    }
    if (result.kind === 'host') return 'host';
    return `${result.kind}#${result.source.record}`;
  });
}

function reasons(results: DecodeResult[]): string[] {
  return results.flatMap((result) =>
    result.kind === 'malformed' ? [result.record.reason] : [],
  );
}

describe('evtxDecoder on damaged files', () => {
  it('reports a record whose size copy is wrong, with its offset, and reads the next one', async () => {
    const { bytes, records } = writeEvtx(threeRecords());
    const broken = records[1];
    if (broken === undefined) throw new Error('fixture has three records');
    bytes.writeUInt32LE(12_345, broken.offset + broken.size - 4);
    resealChunk(bytes, 0);
    const results = await decode(bytes);
    expect(summary(results)).toEqual([
      'event#101',
      `malformed@${broken.offset}#102`,
      'skipped#103',
    ]);
    expect(reasons(results)[0]).toContain('differs from its copy 12345');
  });

  it('reports a record whose Binary XML holds an unknown token and goes on', async () => {
    const { bytes, records } = writeEvtx(threeRecords());
    const broken = records[1];
    if (broken === undefined) throw new Error('fixture has three records');
    // 24 bytes of record header, 4 of fragment header: then the template
    // instance token 0x0c, here replaced by a byte no token has.
    bytes[broken.offset + 28] = 0x7f;
    resealChunk(bytes, 0);
    const results = await decode(bytes);
    expect(summary(results)).toEqual([
      'event#101',
      `malformed@${broken.offset}#102`,
      'skipped#103',
    ]);
    expect(reasons(results)[0]).toMatch(/event record 102: .*0x7f/);
  });

  it('reports a chunk without its signature and reads the next chunk', async () => {
    const { bytes } = writeEvtx(threeRecords(true));
    bytes.write('ElfJunk\0', CHUNK_0, 'latin1');
    const results = await decode(bytes);
    expect(summary(results)).toEqual([
      `malformed@${CHUNK_0}`,
      'event#102',
      'skipped#103',
    ]);
    expect(reasons(results)[0]).toBe(
      'chunk 0 has no ElfChnk signature; chunk skipped',
    );
  });

  it('reports a wrong chunk header checksum and still reads the records', async () => {
    const { bytes } = writeEvtx(threeRecords(true));
    bytes.writeUInt32LE(0, CHUNK_1 + 124);
    const results = await decode(bytes);
    expect(summary(results)).toEqual([
      'event#101',
      `malformed@${CHUNK_1}`,
      'event#102',
      'skipped#103',
    ]);
    expect(reasons(results)[0]).toMatch(
      /^chunk 1 header checksum 0x00000000 does not match/,
    );
  });

  it('reports a wrong event records checksum and still reads the records', async () => {
    const { bytes, records } = writeEvtx(threeRecords());
    const network = records[2];
    if (network === undefined) throw new Error('fixture has three records');
    // The written time is not rendered, so only the checksum shows it.
    bytes.writeUInt8(
      0xff - (bytes[network.offset + 16] ?? 0),
      network.offset + 16,
    );
    const results = await decode(bytes);
    expect(summary(results)).toEqual([
      `malformed@${CHUNK_0}`,
      'event#101',
      'event#102',
      'skipped#103',
    ]);
    expect(reasons(results)[0]).toMatch(/^chunk 0 event records checksum/);
  });

  it('reports a wrong file header checksum and still reads the chunks', async () => {
    const { bytes } = writeEvtx(threeRecords());
    bytes.writeUInt16LE(9, 42); // the number of chunks, which the sum covers
    const results = await decode(bytes);
    expect(summary(results)).toEqual([
      'malformed@0',
      'event#101',
      'event#102',
      'skipped#103',
    ]);
    expect(reasons(results)[0]).toMatch(/^file header checksum/);
  });

  it('reports a file cut inside a record and keeps the records before it', async () => {
    const { bytes, records } = writeEvtx(threeRecords());
    const cut = records[2];
    if (cut === undefined) throw new Error('fixture has three records');
    const truncated = bytes.subarray(0, cut.offset + 100);
    const results = await decode(truncated);
    expect(summary(results)).toEqual([
      'event#101',
      'event#102',
      `malformed@${cut.offset + 100}`,
    ]);
    expect(reasons(results)[0]).toBe(
      `file ends ${cut.offset + 100 - CHUNK_0} bytes into chunk 0; ` +
        'records after this point are lost',
    );
  });

  it('reports a file cut inside a chunk header', async () => {
    const { bytes } = writeEvtx(threeRecords(true));
    const results = await decode(bytes.subarray(0, CHUNK_1 + 100));
    expect(summary(results)).toEqual(['event#101', `malformed@${CHUNK_1}`]);
  });

  it('reports a file that is not EVTX once and reads nothing', async () => {
    const results = await decode(Buffer.from('<Events></Events>\n'));
    expect(results).toEqual([
      {
        kind: 'malformed',
        record: {
          source: { object: OBJECT, offset: 0 },
          reason: 'no ElfFile signature',
        },
      },
    ]);
  });

  it('reports an empty input', async () => {
    expect(reasons(await decode(Buffer.alloc(0)))).toEqual(['empty file']);
  });

  it('never throws, whatever bytes are damaged', async () => {
    const { bytes } = writeEvtx(threeRecords(true));
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            // The file header and the written parts of both chunks.
            at: fc.oneof(
              fc.integer({ min: 0, max: 127 }),
              fc.integer({ min: CHUNK_0, max: CHUNK_0 + 4000 }),
              fc.integer({ min: CHUNK_1, max: CHUNK_1 + 3000 }),
            ),
            value: fc.integer({ min: 0, max: 255 }),
          }),
          { minLength: 1, maxLength: 8 },
        ),
        async (damage) => {
          const copy = Buffer.from(bytes);
          for (const { at, value } of damage) copy[at] = value;
          const results = await decode(copy);
          for (const result of results) {
            expect(['event', 'skipped', 'malformed']).toContain(result.kind);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads a later record whose template was defined in a damaged record', async () => {
    const { bytes, records } = writeEvtx(threeRecords());
    const first = records[0];
    if (first === undefined) throw new Error('fixture has three records');
    bytes.writeUInt32LE(0, first.offset); // the record signature
    resealChunk(bytes, 0);
    const results = await decode(bytes);
    expect(summary(results)).toEqual([
      `malformed@${first.offset}`,
      'event#102',
      'skipped#103',
    ]);
    const [, remote] = results;
    if (remote?.kind !== 'event') throw new Error('expected an event');
    expect(field(remote.event, 'host.id')).toBe(SCENARIO_HOST);
  });
});
