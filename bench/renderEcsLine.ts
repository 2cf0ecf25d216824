import type { Random } from './createRandom';
import type { ProcessShape, RenderLine } from './generateExport';
import { quoteArg } from './quoteArg';
import { randomPath } from './randomPath';

/** A process start as Elastic Defend exports it (ECS, nested). */
export const renderEcsLine: RenderLine = (
  time: number,
  hostId: string,
  shape: ProcessShape,
  random: Random,
): string => {
  const commandLine = shape.args.map(quoteArg).join(' ');
  const pid = 1000 + Math.floor(random.next() * 60000);
  return JSON.stringify({
    '@timestamp': new Date(time).toISOString(),
    agent: { id: random.guid(), type: 'endpoint', version: '8.15.2' },
    data_stream: {
      dataset: 'endpoint.events.process',
      namespace: 'default',
      type: 'logs',
    },
    ecs: { version: '8.11.0' },
    event: {
      action: 'start',
      category: ['process'],
      code: '1',
      created: new Date(time + 3).toISOString(),
      dataset: 'endpoint.events.process',
      id: random.hex(12),
      kind: 'event',
      module: 'endpoint',
      type: ['start'],
    },
    host: {
      id: hostId,
      name: `ws-${hostId.slice(0, 6)}`,
      os: { family: 'windows', name: 'Windows', type: 'windows' },
    },
    process: {
      args: shape.args,
      args_count: shape.args.length,
      command_line: commandLine,
      entity_id: random.base64(30),
      executable: shape.executable,
      hash: {
        md5: random.hex(16),
        sha1: random.hex(20),
        sha256: random.hex(32),
      },
      name: shape.name,
      parent: {
        entity_id: random.base64(30),
        executable: shape.parentExecutable,
        name: shape.parentName,
        pid: Math.floor(random.next() * 60000),
      },
      pid,
      working_directory: randomPath(random, ''),
    },
    user: {
      domain: random.pick(['CORP', 'NT AUTHORITY', 'LAB']),
      id: `S-1-5-21-${random.digits(10)}-${random.digits(4)}`,
      name: `user${random.hex(3)}`,
    },
  });
};
