import type { Alert } from '../../lambda/alerts/Alert';

/**
 * Where alerts go: the terminal for the command line, SNS for the Lambda.
 * A sink must tolerate the same alert id twice (a replayed object) and
 * deliver it once.
 */
export interface AlertSink {
  publish(alert: Alert): Promise<void>;
}
