/**
 * Writes the sample Windows event log the quick start runs over:
 * events/exports/evtx/Sysmon-WKS-042.evtx, an hour and a half of Sysmon
 * activity on one workstation with the "Remote Management Access Launch
 * After MSI Install" scenario in the middle. Deterministic: running it again gives
 * the same bytes, which a test checks.
 *
 * Usage: npx tsx scripts/makeSampleEvtx.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  SAMPLE_EXPORT_PATH,
  sampleExportRecords,
} from '../test/fixtures/evtx/sampleExport';
import { writeEvtx } from '../test/fixtures/evtx/writeEvtx';

const written = writeEvtx(sampleExportRecords());
mkdirSync(dirname(SAMPLE_EXPORT_PATH), { recursive: true });
writeFileSync(SAMPLE_EXPORT_PATH, written.bytes);
process.stdout.write(
  `${SAMPLE_EXPORT_PATH}: ${written.records.length} records in ` +
    `${written.chunks} chunks, ${written.bytes.length} bytes\n`,
);
