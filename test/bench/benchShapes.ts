import { fileURLToPath } from 'node:url';
import type { ProcessShape } from '../../bench/generateExport';
import { decodeLine } from '../../lambda/decoders/decodeLine';
import { findDecoder } from '../../lambda/decoders/decoders';
import { detectFormat } from '../../lambda/decoders/detectFormat';
import type { DecodeResult } from '../../lambda/decoders/types';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import type { Predicate } from '../../lambda/eql/CompiledQuery';
import { loadRules } from '../../lambda/rules/loadRules';

/** The host of the planted sequence, as the generator would give it. */
export const HOST = '3f9a2c1e-7b4d-4e8f-a1c2-5d6e7f809a1b';

/** When the two stages start: thirty seconds apart, within the maxspan. */
export const STAGE_ONE_TIME = Date.parse('2026-01-05T08:00:01.250Z');
export const STAGE_TWO_TIME = Date.parse('2026-01-05T08:00:31.250Z');

const MSIEXEC = 'C:\\Windows\\System32\\msiexec.exe';
const CLIENT =
  'C:\\Program Files (x86)\\ScreenConnect Client (0a1b2c3d4e5f6a7b)\\ScreenConnect.ClientService.exe';

/** The guest link of the second stage, as ScreenConnect passes it. */
export const GUEST_LINK =
  '?e=Access&y=Guest&h=relay.example.com&p=8041&s=5f0e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c&k=BgIAAACkAABSU0ExAAgAAAEAAQ';

/** First stage: an MSI installed from the downloads folder. */
export const INSTALL: ProcessShape = {
  name: 'msiexec.exe',
  executable: MSIEXEC,
  args: [MSIEXEC, '/i', 'C:\\Users\\4f2a\\Downloads\\a1b2c3.msi', '/qn'],
  parentName: 'explorer.exe',
  parentExecutable: 'C:\\Windows\\explorer.exe',
};

/** Second stage: the ScreenConnect client started with a guest link. */
export const GUEST_SESSION: ProcessShape = {
  name: 'ScreenConnect.ClientService.exe',
  executable: CLIENT,
  args: [CLIENT, GUEST_LINK],
  parentName: 'services.exe',
  parentExecutable: 'C:\\Windows\\System32\\services.exe',
};

/** A start no stage wants. */
export const BACKGROUND: ProcessShape = {
  name: 'svchost.exe',
  executable: 'C:\\Windows\\System32\\svchost.exe',
  args: ['C:\\Windows\\System32\\svchost.exe', '-k', 'netsvcs'],
  parentName: 'services.exe',
  parentExecutable: 'C:\\Windows\\System32\\services.exe',
};

/** A near miss: msiexec starts an unrelated process. */
export const NEAR_MISS: ProcessShape = {
  ...BACKGROUND,
  parentName: 'msiexec.exe',
  parentExecutable: MSIEXEC,
};

/** Decodes one line with the registered decoder of `format`. */
export function decodeWith(
  format: string,
  line: string,
): readonly DecodeResult[] {
  const decoder = findDecoder(format);
  if (decoder?.kind !== 'lines') {
    throw new Error(`${format} is not a registered line format`);
  }
  return decodeLine(decoder, line, { object: 'bench.gz', line: 1 });
}

/** The format the detector recognises an input of these lines as. */
export function detectedFormat(lines: readonly string[]): string | undefined {
  const head = Buffer.from(`${lines.join('\n')}\n`);
  return detectFormat(head, { complete: true }).decoder?.name;
}

/** The one event a line decodes to; fails the test on anything else. */
export function onlyEvent(results: readonly DecodeResult[]): EcsDocument {
  const [result] = results;
  if (results.length !== 1 || result?.kind !== 'event') {
    throw new Error(`expected one event, got ${JSON.stringify(results)}`);
  }
  return result.event;
}

/** The two stage filters of the rule the bench runs (rules/). */
export async function loadStageFilters(): Promise<readonly Predicate[]> {
  const rulesDir = fileURLToPath(new URL('../../rules/', import.meta.url));
  const [loaded] = await loadRules([rulesDir]);
  const query = loaded?.query;
  if (query?.kind !== 'sequence') throw new Error('no sequence rule found');
  return query.stages.map((stage) => stage.filter);
}
