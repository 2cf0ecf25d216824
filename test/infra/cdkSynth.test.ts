import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

describe('npx cdk synth', () => {
  it('synthesizes offline with no AWS credentials', () => {
    const out = mkdtempSync(join(tmpdir(), 'eqlambda-synth-'));
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: mkdtempSync(join(tmpdir(), 'eqlambda-home-')),
      CDK_DISABLE_VERSION_CHECK: 'true',
    };
    const result = spawnSync(
      'npx',
      ['cdk', 'synth', '--quiet', '--no-notices', '--output', out],
      { cwd: root, env, encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.stderr).not.toMatch(/ERROR/);
    expect(result.status).toBe(0);
    const template = JSON.parse(
      readFileSync(join(out, 'Eqlambda.template.json'), 'utf8'),
    );
    expect(Object.keys(template.Resources).length).toBeGreaterThan(10);
  });
});
