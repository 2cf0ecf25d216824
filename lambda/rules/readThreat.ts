import type { Threat, ThreatEntry } from './Rule';

type Table = Record<string, unknown>;

/**
 * Reads one `[[rule.threat]]` table (framework, tactic, techniques and
 * their subtechniques) into a Threat, or null when the framework or the
 * tactic is missing or malformed.
 */
export function readThreat(value: unknown): Threat | null {
  if (!isTable(value) || typeof value.framework !== 'string') return null;
  const tactic = readEntry(value.tactic);
  if (tactic === null) return null;
  const techniques = readEntries(value.technique).map((technique) => ({
    ...technique.entry,
    subtechniques: readEntries(technique.table.subtechnique).map(
      (subtechnique) => subtechnique.entry,
    ),
  }));
  return { framework: value.framework, tactic, techniques };
}

function readEntries(value: unknown): { entry: ThreatEntry; table: Table }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((table) => {
    const entry = readEntry(table);
    return entry !== null && isTable(table) ? [{ entry, table }] : [];
  });
}

function readEntry(value: unknown): ThreatEntry | null {
  if (!isTable(value)) return null;
  const { id, name, reference } = value;
  if (typeof id !== 'string' || typeof name !== 'string') return null;
  return typeof reference === 'string' ? { id, name, reference } : { id, name };
}

function isTable(value: unknown): value is Table {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
