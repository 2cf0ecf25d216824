import type { ProcessShape } from './generateExport';

// Lower case, since the rule compares names without regard to case.
const RULE_PROCESSES = new Set([
  'msiexec.exe',
  'screenconnect.clientservice.exe',
]);

/**
 * True when neither the process nor its parent is one the bundled rule
 * names. Only such a start may be rendered as an event of another kind
 * (a connection, a file write): a planted stage, a decoy or a near miss
 * must stay a process start, or the export would no longer hold what the
 * generator promised.
 */
export function isBackgroundShape(shape: ProcessShape): boolean {
  return (
    !RULE_PROCESSES.has(shape.name.toLowerCase()) &&
    !RULE_PROCESSES.has(shape.parentName.toLowerCase())
  );
}
