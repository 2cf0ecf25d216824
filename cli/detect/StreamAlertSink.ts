import type { Alert } from '../../lambda/alerts/Alert';
import { formatAlertText } from '../../lambda/alerts/formatAlertText';
import type { TextOutput } from '../CliIo';
import type { AlertSink } from './AlertSink';

/** How alerts are written: readable blocks, or one JSON object a line. */
export type AlertFormat = 'text' | 'ndjson';

/**
 * Writes alerts to a stream as they fire, each id once: the same files
 * given twice, or a folder and a file inside it, print an alert once.
 */
export class StreamAlertSink implements AlertSink {
  private readonly seen = new Set<string>();

  constructor(
    private readonly output: TextOutput,
    private readonly format: AlertFormat,
  ) {}

  /** How many distinct alerts were written. */
  get count(): number {
    return this.seen.size;
  }

  async publish(alert: Alert): Promise<void> {
    if (this.seen.has(alert.id)) return;
    this.seen.add(alert.id);
    this.output.write(
      this.format === 'ndjson'
        ? `${JSON.stringify(alert)}\n`
        : `${formatAlertText(alert)}\n\n`,
    );
  }
}
