import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../infra/config/ConfigError';
import { readConfig } from '../../infra/config/readConfig';

const formats = ['ecs', 'crowdstrike-fdr'];

function read(context: Record<string, unknown>) {
  return readConfig((key) => context[key], formats);
}

describe('readConfig', () => {
  it('gives every documented default when nothing is set', () => {
    expect(read({})).toEqual({
      bucket: { mode: 'create' },
      bucketKeyArn: null,
      prefixes: [{ prefix: '', format: null }],
      alertEmails: [],
      webhooks: [],
      operationsEmails: [],
      latenessAllowance: '24h',
      maxAlertsPerInvocation: 100,
      rulesDir: 'rules',
    });
  });

  it('reads prefixes and subscriptions from -c flag strings', () => {
    const config = read({
      bucket: 'acme-edr-archive',
      prefixes: 'fdr/=crowdstrike-fdr,other/',
      alertEmails: 'soc@example.com,critical:ciso@example.com',
      maxAlertsPerInvocation: '20',
    });
    expect(config.bucket).toEqual({ mode: 'import', name: 'acme-edr-archive' });
    expect(config.prefixes).toEqual([
      { prefix: 'fdr/', format: 'crowdstrike-fdr' },
      { prefix: 'other/', format: null },
    ]);
    expect(config.alertEmails).toEqual([
      { endpoint: 'soc@example.com', minSeverity: 'low' },
      { endpoint: 'ciso@example.com', minSeverity: 'critical' },
    ]);
    expect(config.maxAlertsPerInvocation).toBe(20);
  });

  it('reads subscriptions written as JSON objects in cdk.json', () => {
    const config = read({
      webhooks: [
        { endpoint: 'https://hooks.example.com/a', minSeverity: 'high' },
      ],
    });
    expect(config.webhooks).toEqual([
      { endpoint: 'https://hooks.example.com/a', minSeverity: 'high' },
    ]);
  });

  it('reports every problem at once, each with its fix', () => {
    let error: unknown;
    try {
      read({
        bucket: 'Not_A_Bucket',
        prefixes: ['x/=nope'],
        alertEmails: ['not-an-address'],
        webhooks: ['http://insecure.example.com'],
        latenessAllowance: '24',
        maxAlertsPerInvocation: 0,
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).toMatch(/bucket: .*-c bucket=my-edr-archive/);
    expect(problems.join('\n')).toMatch(/unknown format "nope".*crowdstrike/);
    expect(problems.join('\n')).toMatch(/not an https:\/\/ URL/);
    expect(problems.join('\n')).toMatch(/such as 24h/);
  });
});
