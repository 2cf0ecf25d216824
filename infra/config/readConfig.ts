import { ConfigError } from './ConfigError';
import {
  type AlertSubscription,
  type BucketChoice,
  type DetectorConfig,
  SEVERITIES,
  type Severity,
  type WatchedPrefix,
} from './DetectorConfig';
import { parseList } from './parseList';

/** Reads one context value, as `app.node.tryGetContext` does. */
export type ContextReader = (key: string) => unknown;

/** The defaults of every setting, as the README documents them. */
export const CONFIG_DEFAULTS = {
  bucket: 'create',
  prefixes: [''],
  latenessAllowance: '24h',
  maxAlertsPerInvocation: 100,
  rulesDir: 'rules',
} as const;

const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DURATION = /^[1-9][0-9]*(ms|s|m|h|d)$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]+$/;

/**
 * Reads and validates the stack's configuration from CDK context. Every
 * problem is collected and thrown together in one ConfigError.
 *
 * @example
 * const config = readConfig((k) => app.node.tryGetContext(k), ['ecs']);
 */
export function readConfig(
  context: ContextReader,
  knownFormats: readonly string[],
): DetectorConfig {
  const problems: string[] = [];
  const config: DetectorConfig = {
    bucket: readBucket(context('bucket'), problems),
    bucketKeyArn: readKeyArn(context('bucketKeyArn'), problems),
    prefixes: readPrefixes(context('prefixes'), knownFormats, problems),
    alertEmails: readSubscriptions('alertEmails', context, problems),
    webhooks: readSubscriptions('webhooks', context, problems),
    operationsEmails: readEmails(context('operationsEmails'), problems),
    latenessAllowance: readDuration(context('latenessAllowance'), problems),
    maxAlertsPerInvocation: readPositiveInteger(
      context('maxAlertsPerInvocation'),
      problems,
    ),
    rulesDir: readRulesDir(context('rulesDir'), problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function readBucket(value: unknown, problems: string[]): BucketChoice {
  const name = value ?? CONFIG_DEFAULTS.bucket;
  if (name === 'create') return { mode: 'create' };
  if (typeof name === 'string' && BUCKET_NAME.test(name)) {
    return { mode: 'import', name };
  }
  problems.push(
    `bucket: "${String(name)}" is not a bucket name; give the name of ` +
      'your archive bucket (-c bucket=my-edr-archive) or "create"',
  );
  return { mode: 'create' };
}

function readKeyArn(value: unknown, problems: string[]): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && KMS_KEY_ARN.test(value)) return value;
  problems.push(
    `bucketKeyArn: "${String(value)}" is not a KMS key ARN; give the ARN ` +
      "of the key that encrypts the archive bucket's objects, or leave it out",
  );
  return null;
}

function readPrefixes(
  value: unknown,
  knownFormats: readonly string[],
  problems: string[],
): WatchedPrefix[] {
  const items = parseList(value ?? CONFIG_DEFAULTS.prefixes);
  if (items === null) {
    problems.push(
      'prefixes: expected a list such as ["crowdstrike/=crowdstrike-fdr", ' +
        '"sysmon/"] or a comma-separated string',
    );
    return [];
  }
  const list = items.length === 0 ? [''] : items;
  return list.flatMap((item) => {
    const prefix = readPrefix(item, knownFormats, problems);
    return prefix ? [prefix] : [];
  });
}

function readPrefix(
  item: unknown,
  knownFormats: readonly string[],
  problems: string[],
): WatchedPrefix | null {
  const [prefix, format] = splitPrefixItem(item);
  if (prefix === null) {
    problems.push(
      `prefixes: ${JSON.stringify(item)} is not "PREFIX" or ` +
        '"PREFIX=FORMAT" or {"prefix": ..., "format": ...}',
    );
    return null;
  }
  if (format !== null && !knownFormats.includes(format)) {
    problems.push(
      `prefixes: unknown format "${format}" for prefix "${prefix}"; ` +
        `use one of ${knownFormats.join(', ')}, or leave it out to detect`,
    );
  }
  return { prefix, format };
}

function splitPrefixItem(item: unknown): [string | null, string | null] {
  if (typeof item === 'string') {
    const at = item.lastIndexOf('=');
    if (at < 0) return [item, null];
    return [item.slice(0, at), item.slice(at + 1) || null];
  }
  if (item && typeof item === 'object' && 'prefix' in item) {
    const { prefix, format } = item as { prefix: unknown; format?: unknown };
    if (typeof prefix !== 'string') return [null, null];
    return [prefix, typeof format === 'string' ? format : null];
  }
  return [null, null];
}

function readSubscriptions(
  key: 'alertEmails' | 'webhooks',
  context: ContextReader,
  problems: string[],
): AlertSubscription[] {
  const items = parseList(context(key));
  if (items === null) {
    problems.push(`${key}: expected a list or a comma-separated string`);
    return [];
  }
  return items.flatMap((item) => {
    const subscription = readSubscription(key, item, problems);
    return subscription ? [subscription] : [];
  });
}

/**
 * A subscription is `ENDPOINT`, `SEVERITY:ENDPOINT` (for example
 * `high:soc@example.com`) or `{"endpoint": ..., "minSeverity": ...}`.
 */
function readSubscription(
  key: 'alertEmails' | 'webhooks',
  item: unknown,
  problems: string[],
): AlertSubscription | null {
  const [endpoint, severity] = splitSubscription(item);
  const minSeverity = severity ?? 'low';
  if (!isSeverity(minSeverity)) {
    problems.push(
      `${key}: minimum severity "${minSeverity}" is not one of ` +
        SEVERITIES.join(', '),
    );
    return null;
  }
  if (key === 'alertEmails' && !(endpoint && EMAIL.test(endpoint))) {
    problems.push(`alertEmails: "${String(endpoint)}" is not an address`);
    return null;
  }
  if (key === 'webhooks' && !isHttpsUrl(endpoint)) {
    problems.push(
      `webhooks: "${String(endpoint)}" is not an https:// URL; SNS ` +
        'delivers alerts to webhooks over HTTPS only',
    );
    return null;
  }
  return { endpoint: endpoint as string, minSeverity };
}

function splitSubscription(item: unknown): [string | null, string | null] {
  if (typeof item === 'string') {
    const match = /^(low|medium|high|critical):(.+)$/.exec(item);
    return match ? [match[2] ?? null, match[1] ?? null] : [item, null];
  }
  if (item && typeof item === 'object' && 'endpoint' in item) {
    const { endpoint, minSeverity } = item as {
      endpoint: unknown;
      minSeverity?: unknown;
    };
    return [
      typeof endpoint === 'string' ? endpoint : null,
      typeof minSeverity === 'string' ? minSeverity : null,
    ];
  }
  return [null, null];
}

function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

function isHttpsUrl(value: string | null): boolean {
  if (!value) return false;
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function readEmails(value: unknown, problems: string[]): string[] {
  const items = parseList(value);
  if (items === null) {
    problems.push('operationsEmails: expected a list of addresses');
    return [];
  }
  return items.flatMap((item) => {
    if (typeof item === 'string' && EMAIL.test(item)) return [item];
    problems.push(`operationsEmails: "${String(item)}" is not an address`);
    return [];
  });
}

function readDuration(value: unknown, problems: string[]): string {
  const text = value ?? CONFIG_DEFAULTS.latenessAllowance;
  if (typeof text === 'string' && DURATION.test(text)) return text;
  problems.push(
    `latenessAllowance: "${String(text)}" is not a duration; write a ` +
      'positive whole number and a unit (ms, s, m, h, d), such as 24h',
  );
  return CONFIG_DEFAULTS.latenessAllowance;
}

function readPositiveInteger(value: unknown, problems: string[]): number {
  const raw = value ?? CONFIG_DEFAULTS.maxAlertsPerInvocation;
  const number = typeof raw === 'string' ? Number(raw) : raw;
  if (typeof number === 'number' && Number.isInteger(number) && number > 0) {
    return number;
  }
  problems.push(
    `maxAlertsPerInvocation: "${String(raw)}" is not a positive whole number`,
  );
  return CONFIG_DEFAULTS.maxAlertsPerInvocation;
}

function readRulesDir(value: unknown, problems: string[]): string {
  const dir = value ?? CONFIG_DEFAULTS.rulesDir;
  if (typeof dir === 'string' && dir.length > 0) return dir;
  problems.push('rulesDir: give the directory that holds the rule files');
  return CONFIG_DEFAULTS.rulesDir;
}
