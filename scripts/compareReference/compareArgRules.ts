import { splitCommandLine } from '../../lambda/decoders/windows/splitCommandLine';
import {
  type ElasticArgRule,
  SENTINELONE_RULE,
  SPACE_RULE,
  UNIFORM_QUOTE_RULE,
} from './elasticArgRules';

/**
 * Command lines where splitting rules may disagree: quoted program paths,
 * quoted arguments with spaces, a quote inside the program name, a
 * backslash before a quote. The first two are the shapes the first rule's
 * msiexec and ScreenConnect events take.
 */
export const SAMPLE_COMMAND_LINES: readonly string[] = [
  'msiexec.exe /i "C:\\Users\\a\\Downloads\\setup.msi" /qn',
  '"C:\\Program Files (x86)\\ScreenConnect Client\\ScreenConnect.ClientService.exe" "?e=Access&y=Guest&h=x&k=y"',
  '"C:\\Windows\\system32\\notepad.exe" ',
  '"C:\\Program Files\\app.exe"',
  '"C:\\dir\\" next',
  'C:\\a"b c"d e',
  '"C:\\a b\\c.exe"x y',
];

/** Where one of Elastic's rules gives other arguments than ours. */
export interface ArgDisagreement {
  readonly commandLine: string;
  readonly rule: ElasticArgRule;
  readonly ours: readonly string[];
  readonly elastic: readonly string[];
}

/** Splits each command line our way and each Elastic way; keeps mismatches. */
export function compareArgRules(
  commandLines: readonly string[] = SAMPLE_COMMAND_LINES,
): ArgDisagreement[] {
  const rules = [UNIFORM_QUOTE_RULE, SENTINELONE_RULE, SPACE_RULE];
  const found: ArgDisagreement[] = [];
  for (const commandLine of commandLines) {
    const ours = splitCommandLine(commandLine);
    for (const rule of rules) {
      const elastic = rule.split(commandLine);
      if (JSON.stringify(ours) !== JSON.stringify(elastic)) {
        found.push({ commandLine, rule, ours, elastic });
      }
    }
  }
  return found;
}
