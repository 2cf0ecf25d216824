import type { SourceRef } from '../ecs/EcsDocument';
import type { JoinValue } from '../eql/CompiledQuery';

/** One event of a match, as an alert shows it. */
export interface AlertEvent {
  readonly id: string;
  readonly timestamp: string;
  readonly processName: string | null;
  readonly executable: string | null;
  readonly commandLine: string | null;
  readonly args: readonly string[] | null;
  readonly pid: number | null;
  readonly parentName: string | null;
  readonly userName: string | null;
  readonly source: SourceRef;
}

/**
 * What eqlambda reports when a rule matches. `id` is deterministic: the same
 * rule over the same events gives the same id, which is what makes delivery
 * exactly-once across retries and replays.
 */
export interface Alert {
  readonly id: string;
  readonly rule: {
    readonly id: string;
    readonly name: string;
    readonly version: number;
    readonly severity: string;
    readonly riskScore: number;
    readonly tags: readonly string[];
    readonly references: readonly string[];
    readonly tactics: readonly { readonly id: string; readonly name: string }[];
    readonly techniques: readonly {
      readonly id: string;
      readonly name: string;
    }[];
  };
  readonly joinKey: readonly (JoinValue | null)[];
  readonly host: { readonly id: string | null; readonly name: string | null };
  readonly events: readonly AlertEvent[];
  readonly spanMs: number;
  /** When eqlambda detected the match (ISO 8601). */
  readonly detectedAt: string;
}
