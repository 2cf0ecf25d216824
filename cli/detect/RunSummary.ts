import { formatSourceRef } from '../../lambda/alerts/formatSourceRef';
import type { MalformedRecord } from '../../lambda/decoders/types';
import { formatBytes, plural } from '../formatCount';
import type { ScanResult } from './DetectEngine';

const MALFORMED_SHOWN = 5;

/**
 * Totals of a run over many files, and the few malformed records and file
 * errors worth showing at the end.
 */
export class RunSummary {
  files = 0;
  bytes = 0;
  records = 0;
  events = 0;
  skipped = 0;
  malformed = 0;
  late = 0;
  alerts = 0;
  readonly malformedShown: MalformedRecord[] = [];
  readonly failures: { object: string; error: string }[] = [];

  /** Adds one scanned object's counters, malformed records and error. */
  addScan(result: ScanResult): void {
    this.files += 1;
    this.bytes += result.stats.bytes;
    this.records += result.stats.records;
    this.events += result.stats.events;
    this.skipped += result.stats.skipped;
    this.malformed += result.stats.malformed;
    const room = MALFORMED_SHOWN - this.malformedShown.length;
    if (room > 0) this.malformedShown.push(...result.malformed.slice(0, room));
    if (result.error !== null) {
      this.failures.push({ object: result.object, error: result.error });
    }
  }

  /** Records an object that could not be scanned at all. */
  addFailure(object: string, error: string): void {
    this.files += 1;
    this.failures.push({ object, error });
  }

  /**
   * The end-of-run report: one line of totals, then the first malformed
   * records as `file:line: reason`, the files that failed, and a hint when
   * events were dropped as late.
   */
  format(elapsedMs: number, latenessText: string): string {
    const lines = [
      `eqlambda: ${plural(this.files, 'file')}, ${formatBytes(this.bytes)}, ` +
        `${plural(this.records, 'record')} (${this.events} decoded, ` +
        `${this.skipped} skipped, ${this.malformed} malformed), ` +
        `${plural(this.alerts, 'alert')} ` +
        `in ${(elapsedMs / 1000).toFixed(1)} s`,
    ];
    for (const record of this.malformedShown) {
      lines.push(
        `  malformed ${formatSourceRef(record.source)}: ${record.reason}`,
      );
    }
    if (this.malformed > this.malformedShown.length) {
      const more = this.malformed - this.malformedShown.length;
      lines.push(`  ... and ${more} more malformed`);
    }
    for (const failure of this.failures) {
      // The detector's messages usually name the object already.
      const named = failure.error.startsWith(failure.object);
      const text = named
        ? failure.error
        : `${failure.object}: ${failure.error}`;
      lines.push(`  error ${text}`);
    }
    if (this.late > 0) {
      lines.push(
        `  ${plural(this.late, 'event')} arrived more than ${latenessText} ` +
          'behind newer events and did not count (raise --lateness)',
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
