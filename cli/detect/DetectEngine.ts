import type { Decoder } from '../../lambda/decoders/types';
import type { ScanOptions, ScanResult } from '../../lambda/detector/types';
import type { AdvanceResult } from '../../lambda/engine/advance';
import type { KeyState } from '../../lambda/engine/KeyState';
import type { AdvanceOptions, Candidate } from '../../lambda/engine/types';
import type { CompiledQuery, JoinValue } from '../../lambda/eql/CompiledQuery';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';

export type {
  CandidateGroup as ScanGroup,
  ScanResult,
  ScanStats,
} from '../../lambda/detector/types';

/**
 * The parts of the detector and the matcher the command line drives,
 * gathered in one object so that a command can run against stand-ins.
 */
export interface DetectEngine {
  /** The formats there are; `--source` takes one of their names. */
  readonly decoders: readonly Decoder[];
  listInputs(paths: readonly string[]): Promise<readonly string[]>;
  openFile(path: string): AsyncIterable<Buffer>;
  scanObject(
    input: AsyncIterable<Buffer>,
    object: string,
    rules: readonly LoadedRule[],
    options: ScanOptions,
  ): Promise<ScanResult>;
  advance(
    query: CompiledQuery,
    joinKey: readonly (JoinValue | null)[],
    state: KeyState | null,
    candidates: readonly Candidate[],
    options: AdvanceOptions,
  ): AdvanceResult;
}
