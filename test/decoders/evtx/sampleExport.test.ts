import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evtxDecoder } from '../../../lambda/decoders/evtx/evtxDecoder';
import {
  SAMPLE_EXPORT_PATH,
  sampleExportRecords,
} from '../../fixtures/evtx/sampleExport';
import { writeEvtx } from '../../fixtures/evtx/writeEvtx';
import { collect, field } from '../fixtures';

const SAMPLE = fileURLToPath(
  new URL(`../../../${SAMPLE_EXPORT_PATH}`, import.meta.url),
);

describe('the sample export Sysmon-WKS-042.evtx', () => {
  it('is what scripts/makeSampleEvtx.ts writes', () => {
    const expected = writeEvtx(sampleExportRecords()).bytes;
    expect(readFileSync(SAMPLE).equals(expected)).toBe(true);
  });

  it('decodes from a file stream to 102 process starts and 50 skipped records', async () => {
    const results = await collect(
      evtxDecoder.decode(createReadStream(SAMPLE), SAMPLE_EXPORT_PATH),
    );
    const kinds = results.map((result) => result.kind);
    expect(kinds.filter((kind) => kind === 'event')).toHaveLength(102);
    expect(kinds.filter((kind) => kind === 'skipped')).toHaveLength(50);
    expect(kinds).toHaveLength(152);
  });

  it('holds the msiexec install and the ScreenConnect guest session', async () => {
    const results = await collect(
      evtxDecoder.decode(createReadStream(SAMPLE), SAMPLE_EXPORT_PATH),
    );
    const starts = results.flatMap((result) =>
      result.kind === 'event' ? [result.event] : [],
    );
    const install = starts.find((event) =>
      (field(event, 'process.args') as string[]).includes('/i'),
    );
    const remote = starts.find(
      (event) =>
        field(event, 'process.name') === 'ScreenConnect.ClientService.exe',
    );
    expect(field(install ?? {}, '@timestamp')).toBe('2026-11-30T09:15:00.250Z');
    expect(field(remote ?? {}, '@timestamp')).toBe('2026-11-30T09:15:30.750Z');
    expect(field(remote ?? {}, 'host.id')).toBe('WKS-042.corp.example.com');
  });
});
