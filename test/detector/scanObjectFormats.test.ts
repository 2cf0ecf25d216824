import { describe, expect, it } from 'vitest';
import { crowdstrikeFdrDecoder } from '../../lambda/decoders/crowdstrike-fdr/crowdstrikeFdrDecoder';
import { ecsDecoder } from '../../lambda/decoders/ecs/ecsDecoder';
import type { DecodeResult, StreamDecoder } from '../../lambda/decoders/types';
import { scanObject } from '../../lambda/detector/scanObject';
import { chunksOf, RMM_AFTER_MSI, ruleFromQuery } from './ruleFromQuery';

const event = (name: string) => ({
  '@timestamp': '2026-01-05T08:00:01.000Z',
  event: { category: ['process'], type: ['start'] },
  host: { id: 'h1' },
  process: { name },
});

describe('scanObject with other formats', () => {
  it('decodes a name written with a Kelvin sign for k', async () => {
    const rule = ruleFromQuery('process where process.name : "bk.exe"');
    const line = JSON.stringify(event('b\u212a.exe'));
    expect(line).toContain('\u212a');
    const result = await scanObject(chunksOf(Buffer.from(line), 5), 'obj', [
      rule,
    ]);
    expect(result.eventMatches.map((m) => m.candidate.id)).toEqual(['obj#1']);
  });

  it('keeps CrowdStrike host names although no rule asks for them', async () => {
    const aidmaster = JSON.stringify({
      aid: 'a1',
      ComputerName: 'WS-01',
      Time: '1697992784.144',
    });
    const result = await scanObject(
      chunksOf(Buffer.from(`${aidmaster}\n`), 16),
      'obj',
      [ruleFromQuery(RMM_AFTER_MSI)],
      { decoders: [crowdstrikeFdrDecoder, ecsDecoder] },
    );
    expect(result.format).toBe('crowdstrike-fdr');
    expect(result.hosts).toEqual([{ hostId: 'a1', hostName: 'WS-01' }]);
  });

  it('feeds a stream format whole and numbers its records', async () => {
    const stream: StreamDecoder = {
      kind: 'stream',
      name: 'test-stream',
      sniff: (head) => head.toString('latin1').startsWith('STREAM'),
      async *decode(input, object): AsyncIterable<DecodeResult> {
        let text = '';
        for await (const chunk of input) text += chunk.toString('latin1');
        const names = text.slice('STREAM'.length).split(',');
        for (const [index, name] of names.entries()) {
          const source = { object, record: index + 1 };
          yield { kind: 'event', event: event(name), source };
        }
      },
    };
    const rule = ruleFromQuery('process where process.name : "x.exe"');
    const result = await scanObject(
      chunksOf(Buffer.from('STREAMa.exe,x.exe,b.exe,x.exe'), 3),
      'obj',
      [rule],
      { decoders: [stream, ecsDecoder] },
    );
    expect(result.format).toBe('test-stream');
    expect(result.stats.records).toBe(4);
    expect(result.eventMatches.map((m) => m.candidate.id)).toEqual([
      'obj#2',
      'obj#4',
    ]);
  });

  it('uses the decoder named in options, and says so when none has that name', async () => {
    const line = Buffer.from(JSON.stringify(event('x.exe')));
    const rule = ruleFromQuery('process where process.name : "x.exe"');
    const named = await scanObject(chunksOf(line, 64), 'obj', [rule], {
      format: 'ecs',
    });
    expect(named.eventMatches).toHaveLength(1);
    const unknown = await scanObject(chunksOf(line, 64), 'obj', [rule], {
      format: 'nope',
    });
    expect(unknown.error).toMatch(/^obj: no format named nope/);
  });
});
