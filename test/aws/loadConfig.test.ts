import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../lambda/aws/errors';
import { loadConfig } from '../../lambda/aws/loadConfig';
import { formatForKey } from '../../lambda/aws/parsePrefixFormats';

const REQUIRED = {
  STATE_TABLE_NAME: 'eqlambda-state',
  ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:111122223333:alerts',
};

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ ...REQUIRED, LAMBDA_TASK_ROOT: '/var/task' });
    expect(config).toEqual({
      tableName: 'eqlambda-state',
      topicArn: 'arn:aws:sns:eu-west-1:111122223333:alerts',
      latenessMs: 24 * 60 * 60 * 1000,
      maxAlertsPerInvocation: 100,
      prefixFormats: [],
      rulesDir: '/var/task/rules',
      maxCandidatesPerKey: 250,
      logLevel: 'INFO',
    });
  });

  it('reports every invalid setting at once', () => {
    let caught: unknown;
    try {
      loadConfig({
        LATENESS: 'soon',
        MAX_ALERTS_PER_INVOCATION: '0',
        PREFIX_FORMATS: 'fdr/',
        LOG_LEVEL: 'loud',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems).toEqual([
      'STATE_TABLE_NAME is required',
      'ALERT_TOPIC_ARN is required',
      'LATENESS must be a duration like 24h, 90m or 3600s',
      'MAX_ALERTS_PER_INVOCATION must be a whole number of at least 1',
      'PREFIX_FORMATS: "fdr/" is not prefix=format',
      'LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, SILENT',
    ]);
  });

  it('reads durations in hours, minutes, seconds and bare seconds', () => {
    expect(loadConfig({ ...REQUIRED, LATENESS: '90m' }).latenessMs).toBe(
      5_400_000,
    );
    expect(loadConfig({ ...REQUIRED, LATENESS: '3600' }).latenessMs).toBe(
      3_600_000,
    );
  });

  it('reads prefix formats as pairs and picks the longest prefix', () => {
    const { prefixFormats } = loadConfig({
      ...REQUIRED,
      PREFIX_FORMATS: 'data/=crowdstrike-fdr,data/s1/=sentinelone',
    });
    expect(formatForKey('data/s1/x.gz', prefixFormats)).toBe('sentinelone');
    expect(formatForKey('data/x.gz', prefixFormats)).toBe('crowdstrike-fdr');
    expect(formatForKey('other/x.gz', prefixFormats)).toBeUndefined();
  });

  it('reads prefix formats given as JSON', () => {
    const { prefixFormats } = loadConfig({
      ...REQUIRED,
      PREFIX_FORMATS: '{"evtx/": "evtx", "defend/": "ecs"}',
    });
    expect(formatForKey('evtx/a.evtx', prefixFormats)).toBe('evtx');
  });
});
