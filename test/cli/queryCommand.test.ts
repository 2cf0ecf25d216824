import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import { captureIo } from './captureIo';

const SPLIT = 'test/fixtures/cli/split';

async function query(args: string[]) {
  const capture = captureIo();
  const code = await main(['query', ...args], capture.io);
  return { code, ...capture };
}

function processNames(lines: Record<string, unknown>[]): unknown[] {
  return lines.map((line) => (line.process as { name: string }).name);
}

describe('eqlambda query', () => {
  it('prints each matching event as a JSON line', async () => {
    const run = await query(['process where host.id == "host-a"', SPLIT]);
    expect(run.code).toBe(0);
    expect(processNames(run.lines())).toEqual([
      'notepad.exe',
      'msiexec.exe',
      'ScreenConnect.ClientService.exe',
    ]);
  });

  it('prints the whole event, fields alerts omit included', async () => {
    const run = await query([
      'process where process.name == "winvnc.exe"',
      SPLIT,
    ]);
    expect(run.lines()[0]?.event).toEqual({
      id: 'b2',
      category: ['process'],
      type: ['start'],
    });
  });

  it('keeps the first N results with head', async () => {
    const run = await query(['process where true | head 2', SPLIT]);
    expect(processNames(run.lines())).toEqual(['notepad.exe', 'msiexec.exe']);
  });

  it('keeps the last N results with tail', async () => {
    const run = await query(['process where true | tail 1', SPLIT]);
    expect(processNames(run.lines())).toEqual(['winvnc.exe']);
  });

  it('prints a sequence with its join keys and events', async () => {
    const run = await query([
      'sequence by host.id [process where process.name == "msiexec.exe"] ' +
        '[process where process.name : "screenconnect*"]',
      SPLIT,
    ]);
    const lines = run.lines();
    expect(lines).toHaveLength(1);
    expect(lines[0]?.join_keys).toEqual(['host-a']);
    expect(processNames(lines[0]?.events as Record<string, unknown>[])).toEqual(
      ['msiexec.exe', 'ScreenConnect.ClientService.exe'],
    );
  });

  it('exits 2 with a caret under a query that does not parse', async () => {
    const run = await query(['process where (', SPLIT]);
    expect(run.code).toBe(2);
    expect(run.stderr()).toBe(
      'eqlambda query: 1:16: expected a value, field or function call, ' +
        'found the end of the query\nprocess where (\n               ^\n',
    );
  });

  it('exits 2 when the query is missing', async () => {
    const run = await query([]);
    expect(run.code).toBe(2);
    expect(run.stderr()).toContain("give the query first: eqlambda query '");
  });
});
