import type { Alert } from '../alerts/Alert';
import type { AlertContext } from '../alerts/buildAlert';
import type { ScanOptions, ScanResult } from '../detector/types';
import type { AdvanceResult } from '../engine/advance';
import type { KeyState } from '../engine/KeyState';
import type { AdvanceOptions, Candidate, Match } from '../engine/types';
import type {
  CompiledSample,
  CompiledSequence,
  JoinValue,
} from '../eql/CompiledQuery';
import type { LoadedRule } from '../rules/LoadedRule';

/**
 * The pure core as the AWS adapters use it: scan an object, advance one
 * join key, build an alert. Injected, so that the orchestration runs the
 * real engine in production and in tests alike, and the command line can
 * reuse it unchanged.
 */
export interface DetectionEngine {
  scanObject(
    input: AsyncIterable<Buffer>,
    object: string,
    rules: readonly LoadedRule[],
    options?: ScanOptions,
  ): Promise<ScanResult>;
  advance(
    query: CompiledSequence | CompiledSample,
    joinKey: readonly (JoinValue | null)[],
    state: KeyState | null,
    candidates: readonly Candidate[],
    options: AdvanceOptions,
  ): AdvanceResult;
  buildAlert(
    rule: LoadedRule,
    found: Match | Candidate,
    context: AlertContext,
  ): Alert;
}
