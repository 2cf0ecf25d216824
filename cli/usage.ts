/** Help for the S3 form of `detect`, shown by `detect --help`. */
export const AWS_DETECT_USAGE = `
Reading from S3 (the Lambda's pipeline, on this machine):
  eqlambda detect s3://BUCKET/PREFIX [--table NAME] [--topic ARN]
  --table NAME        keep sequence state and alert records in this
                      DynamoDB table, the one the Lambda uses (a backfill);
                      default: in memory for this run
  --topic ARN         publish alerts to this SNS topic instead of printing
  --max-alerts N      with --topic: alerts per rule per object before the
                      rest go out as one summary (default 100)
  AWS credentials and region come from the usual AWS_* variables and
  profiles; AWS_ENDPOINT_URL points the clients elsewhere.
`;

/** The help text of `eqlambda --help` and of each command. */
export const USAGE: Readonly<Record<string, string>> = {
  main: `eqlambda: run Elastic EQL detection rules over EDR exports

Usage:
  eqlambda detect [options] [PATHS...]     run the rules, print alerts
  eqlambda query [options] 'EQL' [PATHS...]  hunt: print matching events
  eqlambda rules check [PATHS...]          check that rules load
  eqlambda normalize [options] [PATHS...]  print the decoded ECS events

PATHS are files or folders (read recursively, in sorted order); plain or
gzip-compressed. The default is events/exports.

Run 'eqlambda COMMAND --help' for a command's options.

Exit codes: 0 the command ran (whether or not anything matched),
1 'rules check' found a broken rule, 2 a bad argument, an unreadable path
or an invalid rule.
`,
  detect: `Usage: eqlambda detect [options] [PATHS...]

Runs the detection rules over the files under PATHS (default events/exports)
and prints an alert for each match.

Options:
  --rules PATH        a rule file or folder of .toml rules; repeatable
                      (default: the rules bundled with eqlambda)
  --format FORMAT     text or ndjson (default: text on a terminal,
                      ndjson otherwise)
  --source NAME       decode every file as this format instead of
                      detecting it (see 'eqlambda normalize --help')
  --lateness DURATION how far behind the newest event of its host an event
                      may be and still count, such as 30m, 24h, 2d
                      (default 24h)
  -h, --help          show this help

Files are read one after another, like objects landing in S3; sequence state
is kept per rule and host across files, so a sequence split between two
files fires once, in whichever order the files come. Time is event time,
kept per rule and host: "now" is the newest event read so far for that
host, so last year's archive is not late, and an event more than
--lateness older than the newest event of its host is ignored. At the end
of the run whatever is still waiting for late events is decided.

Alerts go to stdout; a progress line (on a terminal) and a summary go to
stderr. Exit code 0 whether or not alerts fired; 2 for a bad argument, an
unreadable path or a rule that does not load.
${AWS_DETECT_USAGE}`,
  query: `Usage: eqlambda query [options] 'EQL' [PATHS...]

Runs one EQL query over the files under PATHS (default events/exports) and
prints each matching event as a JSON line, or each sequence or sample as
{"join_keys": [...], "events": [...]}. '| head N' and '| tail N' at the end
of the query keep the first or last N results; head stops reading early.

Options:
  --source NAME       decode every file as this format
  --lateness DURATION as for detect (default 24h)
  -h, --help          show this help

Exit code 0 whether or not anything matched; 2 for a query that does not
parse (with a caret under the problem), a bad argument or an unreadable
path.
`,
  rules: `Usage: eqlambda rules check [PATHS...]

Loads each .toml rule and .eql query under PATHS (default: the bundled
rules) and prints one line per file: 'ok PATH', or 'PATH:LINE:COLUMN:
message' with the line and a caret under the problem. LINE and COLUMN are
positions in the file, inside the query where the query is at fault.

Exit code 0 when every file loads, 1 when one does not, 2 for an
unreadable path.
`,
  normalize: `Usage: eqlambda normalize [options] [PATHS...]

Decodes the files under PATHS (default events/exports) and prints each
event as the whole ECS document the rules see, one JSON object a line.
Records a format skips on purpose (not process starts) are only counted.
Malformed records are counted and the first few shown on stderr.

Options:
  --source NAME   decode every file as this format instead of detecting it:
                  SOURCES
  -h, --help      show this help
`,
};
