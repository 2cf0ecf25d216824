/** A MITRE ATT&CK entry as the rule's `[[rule.threat]]` tables give it. */
export interface ThreatEntry {
  readonly id: string;
  readonly name: string;
  readonly reference?: string;
}

/** One `[[rule.threat]]` table: a tactic and its techniques. */
export interface Threat {
  readonly framework: string;
  readonly tactic: ThreatEntry;
  readonly techniques: readonly (ThreatEntry & {
    readonly subtechniques: readonly ThreatEntry[];
  })[];
}

/**
 * A detection rule loaded from an Elastic detection-rules TOML file, with
 * the fields eqlambda uses. `query` is the EQL text exactly as written.
 */
export interface Rule {
  readonly id: string;
  readonly name: string;
  readonly version: number;
  readonly description: string;
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  readonly riskScore: number;
  readonly tags: readonly string[];
  readonly references: readonly string[];
  readonly threat: readonly Threat[];
  readonly note: string | null;
  readonly query: string;
  /** Field that orders events with equal timestamps, if the rule names one. */
  readonly tiebreakerField: string | null;
  /** The file the rule came from. */
  readonly path: string;
}
