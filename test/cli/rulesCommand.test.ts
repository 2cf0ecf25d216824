import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { captureIo } from './captureIo';

const RULES = 'test/fixtures/cli/rules';

async function rules(args: string[]) {
  const capture = captureIo();
  const code = await main(['rules', ...args], capture.io);
  return { code, ...capture };
}

describe('eqlambda rules check', () => {
  it('prints ok for the bundled rule when given no path', async () => {
    const run = await rules(['check']);
    expect(run.code).toBe(0);
    expect(run.stdout()).toMatch(
      /^ok \S*rules\/command_and_control_rmm_after_msi_install\.toml\n$/,
    );
  });

  it('prints file:line:column and the caret for a broken query, and exits 1', async () => {
    const run = await rules(['check', RULES]);
    expect(run.code).toBe(1);
    expect(run.stdout()).toBe(
      [
        `${RULES}/broken.toml:11:24: expected ")", found string "/k"`,
        '  process.args : ("/c" "/k")',
        '                       ^^^^',
        'hint: separate patterns with commas',
        `ok ${RULES}/hunt.eql`,
        '',
      ].join('\n'),
    );
  });

  it('reports an .eql file error at its own line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eqlambda-eql-'));
    const path = join(dir, 'hunt.eql');
    writeFileSync(
      path,
      'sequence by host.id\n  [process where true]\n  [process where process.name = "x"]\n',
    );
    const run = await rules(['check', path]);
    expect(run.code).toBe(1);
    const [message, excerpt, caret] = run.stdout().split('\n');
    // The `=` is the 31st character of the third line.
    expect(message).toBe(`${path}:3:31: unexpected "="`);
    expect(excerpt).toBe('  [process where process.name = "x"]');
    expect(caret).toBe(`${' '.repeat(30)}^`);
  });

  it('exits 2 for a path that does not exist', async () => {
    const run = await rules(['check', 'no/such/rules']);
    expect(run.code).toBe(2);
    expect(run.stderr()).toContain('cannot read no/such/rules');
  });

  it('exits 2 for an unknown subcommand', async () => {
    const run = await rules(['lint']);
    expect(run.code).toBe(2);
    expect(run.stderr()).toContain('use: eqlambda rules check [PATHS...]');
  });
});
