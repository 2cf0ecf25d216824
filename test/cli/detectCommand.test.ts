import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main';
import type { Alert } from '../../lambda/alerts/Alert';
import { captureIo } from './captureIo';

const FIXTURES = 'test/fixtures/cli';
const MSI = `${FIXTURES}/split/1-msi.ndjson`;
const RMM = `${FIXTURES}/split/2-rmm.ndjson`;

async function detect(args: string[]) {
  const capture = captureIo();
  const code = await main(['detect', ...args], capture.io);
  return {
    code,
    ...capture,
    alerts: () => capture.lines() as unknown[] as Alert[],
  };
}

describe('eqlambda detect', () => {
  it('fires once for the scenario split across two files', async () => {
    const run = await detect([MSI, RMM]);
    expect(run.code).toBe(0);
    const alerts = run.alerts();
    expect(alerts).toHaveLength(1);
    const alert = alerts[0] as Alert;
    expect(alert.rule.id).toBe('1b5e9d4a-7c2f-4e8b-a3d6-0f9c8e2b1a4d');
    expect(alert.host).toEqual({ id: 'host-a', name: 'WKS-042' });
    expect(alert.events.map((e) => e.processName)).toEqual([
      'msiexec.exe',
      'ScreenConnect.ClientService.exe',
    ]);
    expect(alert.spanMs).toBe(30_000);
    expect(alert.detectedAt).toBe('2026-03-18T11:00:00.000Z');
  });

  it('fires the same alert once when the files come in the other order', async () => {
    const forward = (await detect([MSI, RMM])).alerts();
    const backward = (await detect([RMM, MSI])).alerts();
    expect(backward).toHaveLength(1);
    expect(backward[0]?.id).toBe(forward[0]?.id);
  });

  it('reads a folder recursively and prints a summary on stderr', async () => {
    const run = await detect([`${FIXTURES}/split`]);
    expect(run.alerts()).toHaveLength(1);
    expect(run.stderr()).toMatch(
      /^eqlambda: 2 files, .* 4 records \(\d+ decoded, 0 skipped, 0 malformed\), 1 alert in /,
    );
  });

  it('writes readable text by default on a terminal', async () => {
    const capture = captureIo({ tty: true });
    await main(['detect', MSI, RMM], capture.io);
    expect(capture.stdout()).toContain(
      '\nevents:\n  1. 2026-03-18T10:00:00.000Z',
    );
  });

  it('writes readable text when asked', async () => {
    const run = await detect(['--format', 'text', MSI, RMM]);
    expect(run.stdout()).toMatch(
      /^\[medium\] Remote Management Access Launch After MSI Install on WKS-042\n/,
    );
  });

  it('counts a malformed line with its file and line, and goes on', async () => {
    const run = await detect([`${FIXTURES}/malformed.ndjson`]);
    expect(run.code).toBe(0);
    expect(run.alerts()).toHaveLength(1);
    expect(run.stderr()).toContain('1 malformed');
    expect(run.stderr()).toContain(
      `malformed ${FIXTURES}/malformed.ndjson:2: `,
    );
  });

  it('reports a truncated gzip file and keeps the exit code 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eqlambda-cli-'));
    const path = join(dir, 'cut.ndjson.gz');
    const whole = gzipSync(readFileSync(MSI));
    writeFileSync(path, whole.subarray(0, whole.length - 12));
    const run = await detect([path]);
    expect(run.code).toBe(0);
    expect(run.stderr()).toMatch(
      new RegExp(`error ${path}.*(truncated|unexpected end)`, 'i'),
    );
  });

  it('refuses an unknown format with exit code 2 and says what to use', async () => {
    const run = await detect(['--format', 'xml', MSI]);
    expect(run.code).toBe(2);
    expect(run.stderr()).toBe(
      'eqlambda detect: --format "xml" is not a format; use text or ndjson\n',
    );
  });

  it('refuses an unknown option, pointing at the help', async () => {
    const run = await detect(['--nope', MSI]);
    expect(run.code).toBe(2);
    expect(run.stderr()).toContain("run 'eqlambda detect --help'");
  });

  it('refuses a bad lateness and an unknown source', async () => {
    expect((await detect(['--lateness', '5', MSI])).code).toBe(2);
    const run = await detect(['--source', 'nosuch', MSI]);
    expect(run.code).toBe(2);
    expect(run.stderr()).toMatch(
      /--source "nosuch" is not a known format; use one of: .*ecs/,
    );
  });

  it('exits 2 for a path that does not exist', async () => {
    const run = await detect(['no/such/exports']);
    expect(run.code).toBe(2);
    expect(run.stderr()).toContain(
      'cannot read no/such/exports: no such file or directory',
    );
  });

  it('exits 2 for a rule that does not load, showing where', async () => {
    const run = await detect(['--rules', `${FIXTURES}/rules/broken.toml`, MSI]);
    expect(run.code).toBe(2);
    expect(run.stderr()).toContain(`${FIXTURES}/rules/broken.toml:11:24: `);
    expect(run.stderr()).toContain("check it with 'eqlambda rules check'");
  });

  it('prints its help with exit code 0', async () => {
    const run = await detect(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout()).toContain(
      'Usage: eqlambda detect [options] [PATHS...]',
    );
    expect(run.stdout()).toContain('--lateness DURATION');
  });
});

describe('eqlambda detect with an event rule', () => {
  it('fires once per matching event, with an empty join key', async () => {
    const rules = `${FIXTURES}/event-rule`;
    const run = await detect(['--rules', rules, `${FIXTURES}/split`]);
    const alerts = run.alerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.rule.id).toBe('test-vnc-server-start');
    expect(alerts[0]?.joinKey).toEqual([]);
    expect(alerts[0]?.host).toEqual({ id: 'host-b', name: 'WKS-117' });
    expect(alerts[0]?.events.map((e) => e.processName)).toEqual(['winvnc.exe']);
  });
});
