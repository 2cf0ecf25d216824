import type { LoadedRule } from '../../lambda/detector/types';
import { loadQuery } from '../../lambda/eql/index';

/** A loaded rule around an EQL query, for tests that need no TOML file. */
export function ruleFromQuery(query: string, id = 'rule-1'): LoadedRule {
  return {
    rule: {
      id,
      name: `test rule ${id}`,
      version: 1,
      description: '',
      severity: 'medium',
      riskScore: 47,
      tags: [],
      references: [],
      threat: [],
      note: null,
      query,
      tiebreakerField: null,
      path: `${id}.toml`,
    },
    query: loadQuery(query),
  };
}

/** The bundled rule's query, as first published. */
export const RMM_AFTER_MSI = `sequence by host.id with maxspan=1m
 [process where host.os.type == "windows" and event.type == "start" and process.name : "msiexec.exe" and process.args : ("/i*", "-i*")]
 [process where host.os.type == "windows" and event.type == "start" and
  (
   (process.name : "ScreenConnect.ClientService.exe" and process.command_line : "*?e=Access&y=Guest&h*&k=*") or
   (process.name : "Syncro.Installer.exe" and process.args : "--config-json" and process.args : "--key") or
    process.name : ("tvnserver.exe", "winvnc.exe")
  )
  ]`;

/** Chunks of `bytes`, `size` bytes each, as a stream would deliver them. */
export async function* chunksOf(
  bytes: Buffer,
  size: number,
): AsyncGenerator<Buffer> {
  for (let at = 0; at < bytes.length; at += size) {
    yield bytes.subarray(at, at + size);
  }
}
