import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { coreEngine } from '../../lambda/aws/coreEngine';
import { TransientAwsError } from '../../lambda/aws/errors';
import type { GroupRecord, StateStore } from '../../lambda/aws/StateStore';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import { loadRules } from '../../lambda/rules/loadRules';
import { type MotoServer, useMotoServer } from '../helpers/motoServer';
import { type Harness, makeHarness } from './support/harness';
import { type MotoClients, motoClients } from './support/motoClients';
import {
  msiInstall,
  ndjson,
  notepad,
  screenConnect,
  T0,
  WKS_042,
} from './support/scenario';

const FIXTURE_RULES = new URL('./fixtures/rules', import.meta.url).pathname;

let moto: MotoServer;
let clients: MotoClients;
let rules: LoadedRule[];

useMotoServer(async (server) => {
  moto = server;
  clients = motoClients(moto.endpoint);
  rules = await loadRules([FIXTURE_RULES]);
});

async function harness(): Promise<Harness> {
  const made = await makeHarness(clients, coreEngine, rules);
  made.now = T0 + 5 * 60_000;
  made.objects.set(
    'both.ndjson',
    ndjson([msiInstall(WKS_042, T0), screenConnect(WKS_042, T0 + 20_000)]),
  );
  made.objects.set('quiet.ndjson', ndjson([notepad(WKS_042, T0)]));
  return made;
}

/** Throttles the first state read, as DynamoDB does under a burst. */
function throttleFirstRead(inner: StateStore): StateStore {
  let throttled = false;
  return new Proxy(inner, {
    get(target, name, receiver) {
      const value = Reflect.get(target, name, receiver);
      if (name !== 'readGroups') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (pks: readonly string[]) => {
        if (!throttled) {
          throttled = true;
          throw new TransientAwsError('DynamoDB read state failed', {
            cause: { name: 'ProvisionedThroughputExceededException' },
          });
        }
        return (await target.readGroups(pks)) as Map<string, GroupRecord>;
      };
    },
  });
}

describe('processTrigger', () => {
  it('fails only the message whose state read was throttled, and its redelivery alerts once', async () => {
    const h = await harness();
    const first = await h.runBatch(
      { m1: ['both.ndjson'], m2: ['quiet.ndjson'] },
      throttleFirstRead(h.store),
    );
    expect(first.failedMessageIds).toEqual(['m1']);
    expect(h.publisher.alerts).toHaveLength(0);

    const again = await h.runBatch({ m1: ['both.ndjson'] });
    expect(again.failedMessageIds).toEqual([]);
    expect(h.publisher.alerts).toHaveLength(1);
  });

  it('neither fails nor retries a message whose object is gone', async () => {
    const h = await harness();
    const outcome = await h.runBatch({
      gone: ['deleted.ndjson'],
      ok: ['both.ndjson'],
    });
    expect(outcome.failedMessageIds).toEqual([]);
    expect(h.metrics.get('ObjectsUnavailable')).toBe(1);
    expect(h.publisher.alerts).toHaveLength(1);
  });

  it('logs a truncated object without retrying it, keeping what it read', async () => {
    const h = await harness();
    const whole = gzipSync(
      ndjson([msiInstall(WKS_042, T0), screenConnect(WKS_042, T0 + 20_000)]),
    );
    h.objects.set('cut.ndjson.gz', whole.subarray(0, whole.length - 12));
    const outcome = await h.runBatch({ cut: ['cut.ndjson.gz'] });
    expect(outcome.failedMessageIds).toEqual([]);
    expect(h.metrics.get('ObjectsDamaged')).toBe(1);
  });

  it('counts objects, records, events, candidates, alerts and alert latency', async () => {
    const h = await harness();
    await h.run(['both.ndjson', 'quiet.ndjson']);
    expect(h.metrics.get('Objects')).toBe(2);
    expect(h.metrics.get('Records')).toBe(3);
    // The notepad line holds no text any rule needs, so it is never decoded.
    expect(h.metrics.get('Events')).toBe(2);
    expect(h.metrics.get('Candidates')).toBe(2);
    expect(h.metrics.get('Alerts')).toBe(1);
    // Detected at 09:05:00, the last event at 09:00:20.
    expect(h.metrics.get('AlertLatency')).toBe(280_000);
  });
});
