import type { EscapeSyntax } from './EscapeScanner';
import { type NeedleSet, queryNeedles, unionOf } from './needles';
import { Prefilter } from './Prefilter';
import type { LoadedRule } from './types';

// Records a decoder must see although no rule asks for them: CrowdStrike
// aidmaster lines carry the host names that alerts show.
const DECODER_NEEDLES: Readonly<Record<string, readonly string[]>> = {
  'crowdstrike-fdr': ['computername'],
};

const cache = new WeakMap<
  readonly LoadedRule[],
  Map<string, Prefilter | null>
>();

/**
 * The prefilter for a rule set read with one decoder from an input with
 * the given escape syntax: the union of every
 * stage's needles (and the decoder's own), or null when some stage has no
 * needle set, in which case every record must be decoded.
 */
export function rulesetPrefilter(
  rules: readonly LoadedRule[],
  decoderName: string,
  syntax: EscapeSyntax,
): Prefilter | null {
  let built = cache.get(rules);
  if (built === undefined) {
    built = new Map();
    cache.set(rules, built);
  }
  const key = `${decoderName}\u0000${syntax}`;
  if (!built.has(key)) {
    built.set(key, buildPrefilter(rules, decoderName, syntax));
  }
  return built.get(key) ?? null;
}

/** Every needle set the rules' filters need, one per stage or query. */
export function rulesetNeedles(rules: readonly LoadedRule[]): NeedleSet {
  return unionOf(rules.flatMap((rule) => queryNeedles(rule.query.ast)));
}

function buildPrefilter(
  rules: readonly LoadedRule[],
  decoderName: string,
  syntax: EscapeSyntax,
): Prefilter | null {
  const needles = rulesetNeedles(rules);
  if (needles === null || needles.length === 0) return null;
  const extra = DECODER_NEEDLES[decoderName] ?? [];
  return new Prefilter(unionOf([needles, extra]) ?? needles, syntax);
}
