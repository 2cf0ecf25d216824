import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { coreEngine } from '../../lambda/aws/coreEngine';
import { decodeGroupItem } from '../../lambda/aws/groupItemCodec';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import { loadRules } from '../../lambda/rules/loadRules';
import { type MotoServer, useMotoServer } from '../helpers/motoServer';
import { CrashingStore } from './support/CrashingStore';
import { type Harness, makeHarness } from './support/harness';
import { type MotoClients, motoClients } from './support/motoClients';
import { PausingStore, Rendezvous } from './support/PausingStore';
import {
  type Host,
  msiInstall,
  ndjson,
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

async function harness(settings = {}): Promise<Harness> {
  const made = await makeHarness(clients, coreEngine, rules, settings);
  made.now = T0 + 5 * 60_000;
  made.objects.set(
    'both.ndjson',
    ndjson([msiInstall(WKS_042, T0), screenConnect(WKS_042, T0 + 20_000)]),
  );
  return made;
}

async function outboxSizes(h: Harness): Promise<number[]> {
  const output = await clients.dynamodb.send(
    new ScanCommand({ TableName: h.tableName }),
  );
  return (output.Items ?? [])
    .filter((item) => item.pk?.S?.startsWith('seq#'))
    .map((item) => decodeGroupItem(item).outbox.length);
}

function host(n: number): Host {
  return { id: `host-${n}`, name: `WKS-${100 + n}` };
}

describe('alert delivery', () => {
  it('retries an SNS publish that failed on the next delivery and sends it once', async () => {
    const h = await harness();
    h.publisher.failNext = 1;
    const failed = await h.run(['both.ndjson']);
    expect(failed.error?.name).toBe('PublishError');
    expect(h.publisher.alerts).toHaveLength(0);
    expect(await outboxSizes(h)).toEqual([1]);

    const retried = await h.run(['both.ndjson']);
    expect(retried.error).toBeNull();
    expect(h.publisher.alerts).toHaveLength(1);
    expect(await outboxSizes(h)).toEqual([0]);

    await h.run(['both.ndjson']);
    expect(h.publisher.alerts).toHaveLength(1);
  });

  it('publishes an alert whose publisher died after taking its gate once the claim runs out', async () => {
    const h = await harness();
    const crashed = await h.run(['both.ndjson'], new CrashingStore(h.store));
    expect(crashed.error).not.toBeNull();
    expect(h.publisher.alerts).toHaveLength(0);

    // Within the dead invocation's time the gate is still held.
    h.now += 10_000;
    const early = await h.run(['both.ndjson']);
    expect(early.error?.name).toBe('AlertInFlightError');
    expect(h.publisher.alerts).toHaveLength(0);

    // The harness grants each invocation 60 s; past that plus 30 s of
    // allowed clock skew, a retry takes the alert over.
    h.now += 90_000;
    const late = await h.run(['both.ndjson']);
    expect(late.error).toBeNull();
    expect(h.publisher.alerts).toHaveLength(1);
  });

  it('sends one alert when the same object is delivered twice at the same moment', async () => {
    const h = await harness();
    const meeting = new Rendezvous(2);
    const outcomes = await Promise.all([
      h.run(['both.ndjson'], new PausingStore(h.store, meeting)),
      h.run(['both.ndjson'], new PausingStore(h.store, meeting)),
    ]);
    // The loser may find the alert being published and fail, to be
    // retried; what matters is that SNS sees it once.
    expect(outcomes.filter((o) => o.error === null).length).toBeGreaterThan(0);
    expect(h.publisher.alerts).toHaveLength(1);
    await h.run(['both.ndjson']);
    expect(h.publisher.alerts).toHaveLength(1);
  });

  it('sends at most the limit per rule and one summary for the rest', async () => {
    const h = await harness({ maxAlertsPerInvocation: 2 });
    const events = [1, 2, 3, 4, 5].flatMap((n) => [
      msiInstall(host(n), T0 + n * 1_000),
      screenConnect(host(n), T0 + n * 1_000 + 20_000),
    ]);
    h.objects.set('five.ndjson', ndjson(events));
    const outcome = await h.run(['five.ndjson']);
    expect(outcome.error).toBeNull();
    expect(h.publisher.alerts).toHaveLength(2);
    expect(h.publisher.summaries).toHaveLength(1);
    const summary = h.publisher.summaries[0];
    expect(summary?.count).toBe(3);
    expect(summary?.hosts).toHaveLength(3);
    const hosts = [
      ...h.publisher.alerts.map((alert) => alert.host.name),
      ...(summary?.hosts ?? []),
    ].sort();
    expect(hosts).toEqual([
      'WKS-101',
      'WKS-102',
      'WKS-103',
      'WKS-104',
      'WKS-105',
    ]);
    expect(h.metrics.get('AlertsSummarised')).toBe(3);

    await h.run(['five.ndjson']);
    expect(h.publisher.alerts).toHaveLength(2);
    expect(h.publisher.summaries).toHaveLength(1);
  });

  it('makes no DynamoDB request for an object without candidates', async () => {
    const h = await harness();
    let requests = 0;
    const counting = new Proxy(h.store, {
      get(target, name, receiver) {
        const value = Reflect.get(target, name, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          requests += 1;
          return value.apply(target, args);
        };
      },
    });
    h.objects.set('quiet.ndjson', ndjson([]));
    h.objects.set(
      'other.ndjson',
      Buffer.from('{"@timestamp":"2026-11-02T09:00:00Z","event":{"type":"x"}}'),
    );
    await h.run(['quiet.ndjson', 'other.ndjson'], counting);
    expect(requests).toBe(0);
  });

  it('names the host from stored CrowdStrike host names when the events lack one', async () => {
    const h = await harness();
    const nameless = { id: 'aid-0f1e2d3c', name: '' };
    const events = [
      msiInstall(nameless, T0),
      screenConnect(nameless, T0 + 20_000),
    ].map((event) => {
      delete (event.host as Record<string, unknown>).name;
      return event;
    });
    h.objects.set('nameless.ndjson', ndjson(events));
    await h.store.writeHostNames(new Map([['aid-0f1e2d3c', 'WKS-777']]), 2e9);
    await h.run(['nameless.ndjson']);
    expect(h.publisher.alerts[0]?.host).toEqual({
      id: 'aid-0f1e2d3c',
      name: 'WKS-777',
    });
  });
});
