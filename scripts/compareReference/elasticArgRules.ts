/**
 * How Elastic's ingest pipelines turn a command line into `process.args`,
 * modelled from the pipeline sources (elastic/integrations), so that the
 * report can show where our Windows splitting gives other arguments. These
 * are models for comparison only; no decoder uses them.
 */

/** One pipeline's splitting rule, with the integrations that use it. */
export interface ElasticArgRule {
  readonly name: string;
  readonly usedBy: string;
  split(commandLine: string): string[];
}

/**
 * The rule of the `crowdstrike.fdr`, `sentinel_one_cloud_funnel` and
 * winlogbeat pipelines: every argument, the program name included, is read
 * with the backslash and quote rules that Windows applies only after the
 * program name (the behaviour of Go's splitter before Go 1.22).
 */
export const UNIFORM_QUOTE_RULE: ElasticArgRule = {
  name: 'uniform quote rules',
  usedBy: 'crowdstrike fdr, sentinel_one_cloud_funnel, winlogbeat',
  split: splitUniformly,
};

/**
 * The `m365_defender` rule: trim, then cut at every single space, keeping
 * quotes as characters.
 */
export const SPACE_RULE: ElasticArgRule = {
  name: 'split on spaces',
  usedBy: 'm365_defender',
  split: (commandLine) =>
    commandLine
      .trim()
      .split(' ')
      .filter((part) => part !== ''),
};

/**
 * SentinelOne's pipeline first removes one quote at each end of
 * `tgt.process.cmdline` when both ends are quotes, then splits uniformly.
 */
export const SENTINELONE_RULE: ElasticArgRule = {
  name: 'trim end quotes, then uniform quote rules',
  usedBy: 'sentinel_one_cloud_funnel (tgt.process.cmdline)',
  split: (commandLine) => splitUniformly(trimEndQuotes(commandLine)),
};

function trimEndQuotes(text: string): string {
  const quoted = text.length >= 2 && text.startsWith('"') && text.endsWith('"');
  return quoted ? text.slice(1, -1) : text;
}

function splitUniformly(commandLine: string): string[] {
  const args: string[] = [];
  let position = 0;
  while (position < commandLine.length) {
    if (isBlank(commandLine[position])) {
      position += 1;
      continue;
    }
    const [argument, next] = readArgument(commandLine, position);
    args.push(argument);
    position = next;
  }
  return args;
}

// Reads one argument from `from`; returns it and where the next one may
// start (past the blank that ended it).
function readArgument(text: string, from: number): [string, number] {
  let argument = '';
  let quoted = false;
  let slashes = 0;
  let position = from;
  for (; position < text.length; position += 1) {
    const char = text[position];
    if (isBlank(char) && !quoted) {
      return [argument + '\\'.repeat(slashes), position + 1];
    }
    if (char === '\\') {
      slashes += 1;
      continue;
    }
    if (char === '"') {
      argument += '\\'.repeat(slashes >> 1);
      if (slashes % 2 === 1) argument += '"';
      else if (quoted && text[position + 1] === '"') {
        argument += '"';
        position += 1;
        quoted = false;
      } else quoted = !quoted;
      slashes = 0;
      continue;
    }
    argument += '\\'.repeat(slashes) + char;
    slashes = 0;
  }
  return [argument + '\\'.repeat(slashes), position];
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}
