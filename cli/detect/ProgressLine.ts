import type { TextOutput } from '../CliIo';
import { formatBytes, plural } from '../formatCount';

const INTERVAL_MS = 250;

/** What the progress line shows. */
export interface ProgressFigures {
  readonly object: string;
  readonly bytes: number;
  /** Records read: lines, or records of a binary format. */
  readonly records: number;
  readonly alerts: number;
}

/**
 * A single self-overwriting status line on a terminal's stderr: bytes,
 * records, record rate and alerts, redrawn at most four times a second.
 * Silent when stderr is not a terminal, so logs and pipes stay clean.
 */
export class ProgressLine {
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private drawn = false;
  private readonly startedAt: number;

  constructor(
    private readonly output: TextOutput,
    private readonly now: () => number,
  ) {
    this.startedAt = now();
  }

  /** Redraws the line if a quarter second has passed since the last time. */
  update(figures: ProgressFigures): void {
    if (!this.output.isTTY) return;
    const now = this.now();
    if (now - this.lastDrawn < INTERVAL_MS) return;
    this.lastDrawn = now;
    const seconds = Math.max((now - this.startedAt) / 1000, 0.001);
    const rate = Math.round(figures.records / seconds).toLocaleString('en-US');
    const text =
      `${figures.object}  ${formatBytes(figures.bytes)}  ` +
      `${plural(figures.records, 'record')}  ${rate}/s  ` +
      plural(figures.alerts, 'alert');
    this.output.write(`\r\x1b[K${text}`);
    this.drawn = true;
  }

  /** Erases the line, before the summary or an alert is written. */
  clear(): void {
    if (!this.drawn) return;
    this.output.write('\r\x1b[K');
    this.drawn = false;
  }
}
