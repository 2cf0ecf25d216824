import type { AlertPublisher } from '../lambda/aws/AlertPublisher';
import type { CliIo } from './CliIo';
import { type AlertFormat, StreamAlertSink } from './detect/StreamAlertSink';

/** Prints alerts as `detect` does for local files; summaries to stderr. */
export function awsStdoutPublisher(
  io: CliIo,
  format: AlertFormat,
): AlertPublisher {
  const sink = new StreamAlertSink(io.stdout, format);
  return {
    publishAlert: (alert) => sink.publish(alert),
    publishSummary: async (summary) => {
      io.stderr.write(
        `${summary.count} more alerts of ${summary.rule.name} on ` +
          `${summary.hosts.join(', ')}\n`,
      );
    },
  };
}
