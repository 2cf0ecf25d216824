/**
 * Checks our decoders against Elastic's ingest pipelines, field by field,
 * on the public reference samples (vendor records and the documents
 * Elastic's pipelines make of them).
 *
 * Usage: npx tsx scripts/compareReference.ts [REFERENCE_DIR]
 *
 * REFERENCE_DIR holds `formats/` (see its README); it defaults to
 * `../shared/reference` beside the repository. For each sample the script
 * prints a table of the compared ECS fields (ours, Elastic's, verdict),
 * then a count of verdicts over all samples. Differences already looked
 * into carry their reason (`compareReference/knownDifferences.ts`). Exits 1
 * when a field differs or is missing in ours without a recorded reason, 2
 * when REFERENCE_DIR has no `formats/`. A last, informational section
 * splits tricky command lines our way and each Elastic pipeline's way.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareArgRules } from './compareReference/compareArgRules';
import {
  compareFields,
  type FieldComparison,
  type Verdict,
} from './compareReference/compareFields';
import { decodeSample } from './compareReference/decodeSample';
import { knownReason } from './compareReference/knownDifferences';
import { type ReferenceSample, readSamples } from './compareReference/samples';

const REPO = resolve(fileURLToPath(import.meta.url), '../..');
const FIELD_WIDTH = 28;
const VALUE_WIDTH = 34;

/** A compared field with the reason it may differ, if one is recorded. */
interface Row extends FieldComparison {
  readonly known?: string | undefined;
}

function main(argv: readonly string[]): number {
  const referenceDir = resolve(argv[0] ?? resolve(REPO, '../shared/reference'));
  if (!existsSync(resolve(referenceDir, 'formats'))) {
    console.error(`no formats/ folder in ${referenceDir}`);
    return 2;
  }
  const rows: Row[] = [];
  for (const sample of readSamples(referenceDir)) {
    rows.push(...checkSample(sample));
  }
  printSummary(rows);
  printArgRules();
  return rows.some(isUnexplained) ? 1 : 0;
}

function checkSample(sample: ReferenceSample): Row[] {
  const decoded = decodeSample(sample);
  console.log(`\n## ${sample.id} (decoder ${sample.decoder})`);
  console.log(`   ${sample.files.join('\n   ')}`);
  const detectNote =
    decoded.detected === sample.decoder ? '' : '  <-- not the intended decoder';
  console.log(`   detectFormat picks: ${decoded.detected}${detectNote}`);
  for (const other of decoded.others) console.log(`   ${other}`);
  if (decoded.events.length !== sample.expected.length) {
    console.log(
      `   ${decoded.events.length} events from us, ${sample.expected.length} expected`,
    );
  }
  const rows: Row[] = [];
  sample.expected.forEach((expected, index) => {
    const ours = decoded.events[index] ?? {};
    const compared = compareFields(ours, expected).map((row) => ({
      ...row,
      known: knownReason(sample.id, row.field),
    }));
    printTable(compared, sample.expected.length > 1 ? index + 1 : undefined);
    rows.push(...compared);
  });
  return rows;
}

function printTable(rows: readonly Row[], record: number | undefined) {
  if (record !== undefined) console.log(`\n   record ${record}`);
  console.log(
    `\n${pad('field', FIELD_WIDTH)} ${pad('ours', VALUE_WIDTH)} ${pad("Elastic's", VALUE_WIDTH)} verdict`,
  );
  for (const row of rows) {
    const verdict = row.why ? `${row.verdict} (${row.why})` : row.verdict;
    console.log(
      `${pad(row.field, FIELD_WIDTH)} ${pad(show(row.ours), VALUE_WIDTH)} ${pad(show(row.elastic), VALUE_WIDTH)} ${verdict}`,
    );
  }
  const notes = rows.filter(
    (row) => row.verdict === 'equivalent' || isDifference(row.verdict),
  );
  for (const row of notes) {
    console.log(`\n  ${row.field}: ${row.verdict}`);
    console.log(`    ours:      ${full(row.ours)}`);
    console.log(`    Elastic's: ${full(row.elastic)}`);
    console.log(`    reason:    ${row.known ?? 'NOT EXPLAINED'}`);
  }
}

function printSummary(rows: readonly Row[]) {
  const counts = new Map<Verdict, number>();
  for (const row of rows) {
    counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1);
  }
  const compared = rows.filter((row) => row.verdict !== 'absent in both');
  console.log(`\n## Summary: ${compared.length} fields present on either side`);
  for (const [verdict, count] of counts) console.log(`  ${verdict}: ${count}`);
  const unexplained = rows.filter(isUnexplained).length;
  console.log(`  differences without a recorded reason: ${unexplained}`);
}

// Informational: the reference samples' command lines are too plain to
// show how splitting rules differ, so these lines are split every way.
function printArgRules() {
  const disagreements = compareArgRules();
  console.log(
    `\n## process.args: ours vs Elastic's pipeline rules (${disagreements.length} disagreements, informational)`,
  );
  for (const item of disagreements) {
    console.log(`\n  ${JSON.stringify(item.commandLine)}`);
    console.log(`    rule:      ${item.rule.name} (${item.rule.usedBy})`);
    console.log(`    ours:      ${JSON.stringify(item.ours)}`);
    console.log(`    Elastic's: ${JSON.stringify(item.elastic)}`);
  }
}

function isDifference(verdict: Verdict): boolean {
  return (
    verdict === 'differs' ||
    verdict === 'missing in ours' ||
    verdict === "missing in Elastic's"
  );
}

// A field Elastic has and we lack or get wrong is a possible missed alert;
// one only we have is reported but does not fail the check.
function isUnexplained(row: Row): boolean {
  const harmful =
    row.verdict === 'differs' || row.verdict === 'missing in ours';
  return harmful && row.known === undefined;
}

function show(value: unknown): string {
  if (value === undefined) return '-';
  const text = JSON.stringify(value);
  return text.length > VALUE_WIDTH
    ? `${text.slice(0, VALUE_WIDTH - 3)}...`
    : text;
}

function full(value: unknown): string {
  return value === undefined ? '(none)' : JSON.stringify(value);
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

process.exitCode = main(process.argv.slice(2));
