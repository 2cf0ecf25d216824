import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { captureIo } from './captureIo';

describe('eqlambda', () => {
  it('prints the list of commands for --help', async () => {
    const capture = captureIo();
    expect(await main(['--help'], capture.io)).toBe(0);
    expect(capture.stdout()).toContain('eqlambda rules check [PATHS...]');
  });

  it('exits 2 for an unknown command and says how to list them', async () => {
    const capture = captureIo();
    expect(await main(['scan'], capture.io)).toBe(2);
    expect(capture.stderr()).toBe(
      'eqlambda: unknown command "scan"; run \'eqlambda --help\' for the commands\n',
    );
  });

  it('exits 2 with the usage on stderr when given nothing', async () => {
    const capture = captureIo();
    expect(await main([], capture.io)).toBe(2);
    expect(capture.stderr()).toContain('Usage:');
  });

  it('runs as a real process from bin/eqlambda.mjs', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/eqlambda.mjs', 'detect', 'test/fixtures/cli/split'],
      { encoding: 'utf8' },
    );
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}').host.name).toBe('WKS-042');
    expect(result.stderr).toContain('1 alert');
  });

  it('finds its bundled rules from any working directory', () => {
    const result = spawnSync(
      process.execPath,
      [
        resolve('bin/eqlambda.mjs'),
        'detect',
        resolve('test/fixtures/cli/split'),
      ],
      { encoding: 'utf8', cwd: tmpdir() },
    );
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });
});
