/** What `npm run bench` was asked to do. */
export interface BenchOptions {
  readonly events: number;
  readonly share: number;
  readonly planted: number;
  readonly rounds: number;
  readonly format: string;
}

const DEFAULTS: BenchOptions = {
  events: 1_000_000,
  share: 1 / 10_000,
  planted: 50,
  rounds: 5,
  format: 'ecs',
};

/**
 * Reads options from `--events N --share X --planted N --rounds N
 * --format NAME`, or from BENCH_EVENTS, BENCH_SHARE, BENCH_PLANTED,
 * BENCH_ROUNDS, BENCH_FORMAT; arguments win over the environment.
 */
export function readBenchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): BenchOptions {
  const given = new Map<string, string>();
  for (const key of Object.keys(DEFAULTS)) {
    const fromEnv = env[`BENCH_${key.toUpperCase()}`];
    if (fromEnv !== undefined) given.set(key, fromEnv);
  }
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) continue;
    const [key, inline] = arg.slice(2).split('=', 2) as [string, string?];
    given.set(key, inline ?? argv[++i] ?? '');
  }
  return {
    events: numberOf(given, 'events', DEFAULTS.events),
    share: numberOf(given, 'share', DEFAULTS.share),
    planted: numberOf(given, 'planted', DEFAULTS.planted),
    rounds: numberOf(given, 'rounds', DEFAULTS.rounds),
    format: given.get('format') ?? DEFAULTS.format,
  };
}

function numberOf(
  given: ReadonlyMap<string, string>,
  key: string,
  fallback: number,
): number {
  const text = given.get(key);
  if (text === undefined) return fallback;
  // `1/10000` is accepted for a share.
  const [top, bottom] = text.split('/');
  const value = Number(top) / (bottom === undefined ? 1 : Number(bottom));
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`--${key} must be a non-negative number: ${text}`);
  }
  return value;
}
