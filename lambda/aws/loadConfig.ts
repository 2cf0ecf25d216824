import { join } from 'node:path';
import { ConfigError } from './errors';
import { parseDuration } from './parseDuration';
import { type PrefixFormat, parsePrefixFormats } from './parsePrefixFormats';

/** Every setting the Lambda reads from its environment. */
export interface HandlerConfig {
  /** `STATE_TABLE_NAME`, required: the DynamoDB table of state and alerts. */
  readonly tableName: string;
  /** `ALERT_TOPIC_ARN`, required: the SNS topic alerts go to. */
  readonly topicArn: string;
  /** `LATENESS`, default `24h`: how late an event may arrive and count. */
  readonly latenessMs: number;
  /** `MAX_ALERTS_PER_INVOCATION`, default 100, per rule. */
  readonly maxAlertsPerInvocation: number;
  /** `PREFIX_FORMATS`, default none (every object's format is sniffed). */
  readonly prefixFormats: readonly PrefixFormat[];
  /** `RULES_DIR`, default `rules` under the function's code directory. */
  readonly rulesDir: string;
  /** `MAX_CANDIDATES_PER_KEY`, default 250: the flood cap per group. */
  readonly maxCandidatesPerKey: number;
  /** `LOG_LEVEL`, default `INFO`. */
  readonly logLevel: string;
}

const LOG_LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT'];

/**
 * Reads and checks the configuration. Every problem is collected and
 * reported together in one ConfigError, so a deployment is fixed in one go.
 *
 * @example
 * const config = loadConfig(process.env);
 */
export function loadConfig(env: NodeJS.ProcessEnv): HandlerConfig {
  const problems: string[] = [];
  const config: HandlerConfig = {
    tableName: readRequired(env, 'STATE_TABLE_NAME', problems),
    topicArn: readRequired(env, 'ALERT_TOPIC_ARN', problems),
    latenessMs: readDuration(env, 'LATENESS', '24h', problems),
    maxAlertsPerInvocation: readCount(
      env,
      'MAX_ALERTS_PER_INVOCATION',
      100,
      problems,
    ),
    prefixFormats: parsePrefixFormats(env.PREFIX_FORMATS ?? '', problems),
    rulesDir: env.RULES_DIR?.trim() || defaultRulesDir(env),
    maxCandidatesPerKey: readCount(
      env,
      'MAX_CANDIDATES_PER_KEY',
      250,
      problems,
    ),
    logLevel: readLogLevel(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readRequired(
  env: NodeJS.ProcessEnv,
  name: string,
  problems: string[],
): string {
  const value = env[name]?.trim() ?? '';
  if (value === '') problems.push(`${name} is required`);
  return value;
}

function readDuration(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: string,
  problems: string[],
): number {
  const text = env[name]?.trim() || fallback;
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) {
    problems.push(`${name} must be a duration like 24h, 90m or 3600s`);
    return 0;
  }
  return ms;
}

function readCount(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  problems: string[],
): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    problems.push(`${name} must be a whole number of at least 1`);
  }
  return value;
}

function readLogLevel(env: NodeJS.ProcessEnv, problems: string[]): string {
  const level = (env.LOG_LEVEL?.trim() || 'INFO').toUpperCase();
  if (!LOG_LEVELS.includes(level)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  }
  return level;
}

// Lambda unpacks the function code under LAMBDA_TASK_ROOT; the stack
// bundles the rules folder next to the handler.
function defaultRulesDir(env: NodeJS.ProcessEnv): string {
  return join(env.LAMBDA_TASK_ROOT ?? process.cwd(), 'rules');
}
