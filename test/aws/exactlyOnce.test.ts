import { randomBytes } from 'node:crypto';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { coreEngine } from '../../lambda/aws/coreEngine';
import { decodeGroupItem } from '../../lambda/aws/groupItemCodec';
import type { GroupRecord } from '../../lambda/aws/StateStore';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import { loadRules } from '../../lambda/rules/loadRules';
import { type MotoServer, useMotoServer } from '../helpers/motoServer';
import { type Harness, makeHarness } from './support/harness';
import { type MotoClients, motoClients } from './support/motoClients';
import { PausingStore, Rendezvous } from './support/PausingStore';
import {
  msiInstall,
  ndjson,
  notepad,
  screenConnect,
  T0,
  WKS_042,
} from './support/scenario';

const FIXTURE_RULES = new URL('./fixtures/rules', import.meta.url).pathname;
const RULE_ID = '0d6b7a52-tests-msi-then-rmm';

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
  return made;
}

/** Every sequence-state item of a harness's table, decoded. */
async function groupItems(h: Harness): Promise<GroupRecord[]> {
  const output = await clients.dynamodb.send(
    new ScanCommand({ TableName: h.tableName }),
  );
  return (output.Items ?? [])
    .filter((item) => item.pk?.S?.startsWith('seq#'))
    .map(decodeGroupItem);
}

/** An item's size as DynamoDB counts it: names plus values. */
function itemBytes(item: Record<string, AttributeValue>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name);
    if (value.S !== undefined) bytes += Buffer.byteLength(value.S);
    if (value.B !== undefined) bytes += value.B.byteLength;
    if (value.N !== undefined) bytes += value.N.length;
  }
  return bytes;
}

function putSplitScenario(h: Harness): void {
  h.objects.set('a.ndjson', ndjson([msiInstall(WKS_042, T0)]));
  h.objects.set(
    'b.ndjson',
    ndjson([notepad(WKS_042, T0 + 5_000), screenConnect(WKS_042, T0 + 20_000)]),
  );
}

describe('sequence state across invocations', () => {
  for (const order of [
    ['a.ndjson', 'b.ndjson'],
    ['b.ndjson', 'a.ndjson'],
  ]) {
    it(`fires once for a sequence split across two objects (${order.join(' then ')})`, async () => {
      const h = await harness();
      putSplitScenario(h);
      await h.run([order[0] as string]);
      expect(h.publisher.alerts).toHaveLength(0);
      h.now += 60_000;
      await h.run([order[1] as string]);
      expect(h.publisher.alerts).toHaveLength(1);
      const [alert] = h.publisher.alerts;
      expect(alert?.rule.id).toBe(RULE_ID);
      expect(alert?.host).toEqual({ id: WKS_042.id, name: 'WKS-042' });
      expect(alert?.events.map((event) => event.processName)).toEqual([
        'msiexec.exe',
        'ScreenConnect.ClientService.exe',
      ]);
      expect(alert?.events.map((event) => event.timestamp)).toEqual([
        '2026-11-02T09:00:00.000Z',
        '2026-11-02T09:00:20.000Z',
      ]);
    });
  }

  it('sends no second alert when the same objects are processed again', async () => {
    const h = await harness();
    putSplitScenario(h);
    await h.run(['a.ndjson']);
    await h.run(['b.ndjson']);
    await h.run(['b.ndjson']);
    await h.run(['a.ndjson', 'b.ndjson']);
    expect(h.publisher.alerts).toHaveLength(1);
  });

  it('sends no second alert when one object holding the whole sequence is processed twice', async () => {
    const h = await harness();
    h.objects.set(
      'both.ndjson',
      ndjson([msiInstall(WKS_042, T0), screenConnect(WKS_042, T0 + 20_000)]),
    );
    await h.run(['both.ndjson']);
    await h.run(['both.ndjson']);
    expect(h.publisher.alerts).toHaveLength(1);
  });

  it('loses no candidate and sends one alert when two invocations interleave their writes', async () => {
    const h = await harness();
    putSplitScenario(h);
    const meeting = new Rendezvous(2);
    const [first, second] = await Promise.all([
      h.run(['a.ndjson'], new PausingStore(h.store, meeting)),
      h.run(['b.ndjson'], new PausingStore(h.store, meeting)),
    ]);
    expect(first.error).toBeNull();
    expect(second.error).toBeNull();
    expect(h.metrics.get('StateConflicts')).toBeGreaterThanOrEqual(1);
    expect(h.publisher.alerts).toHaveLength(1);
    expect(h.publisher.alerts[0]?.events).toHaveLength(2);
  });

  it('never matches a candidate older than the lateness allowance, even while its item still exists', async () => {
    const h = await harness({ latenessMs: 3_600_000 });
    putSplitScenario(h);
    h.now = T0 + 60_000;
    await h.run(['a.ndjson']);
    expect(await groupItems(h)).toHaveLength(1);
    // Two hours on, the remote tool's start (20 s after the install) is
    // older than the hour the allowance grants.
    h.now = T0 + 2 * 3_600_000;
    await h.run(['b.ndjson']);
    expect(h.publisher.alerts).toHaveLength(0);
    expect(h.metrics.get('LateCandidates')).toBe(1);
  });

  it('treats a stored state past its expiry as absent although DynamoDB still holds it', async () => {
    const h = await harness();
    h.objects.set('a.ndjson', ndjson([msiInstall(WKS_042, T0)]));
    await h.run(['a.ndjson']);
    const [stored] = await groupItems(h);
    expect(stored?.state).not.toBeNull();
    const expired = { ...(stored as GroupRecord), stateExpiresAt: 1 };
    await h.store.writeGroup(
      { ...expired, version: expired.version + 1 },
      expired.version,
    );
    const seen: unknown[] = [];
    const spying = {
      ...coreEngine,
      advance: ((...args: Parameters<typeof coreEngine.advance>) => {
        seen.push(args[2]);
        return coreEngine.advance(...args);
      }) as typeof coreEngine.advance,
    };
    const pipeline = { ...h.pipeline, engine: spying };
    h.objects.set('b.ndjson', ndjson([screenConnect(WKS_042, T0 + 20_000)]));
    const { processTrigger } = await import('../../lambda/aws/processTrigger');
    await processTrigger(
      {
        kind: 'direct',
        messages: [
          {
            messageId: null,
            error: null,
            objects: [{ bucket: 'test', key: 'b.ndjson', size: null }],
          },
        ],
      },
      pipeline,
      { deadline: h.now + 60_000, log: {} },
    );
    expect(seen).toEqual([null]);
    expect(h.publisher.alerts).toHaveLength(0);
  });

  it('keeps a flooded key under the DynamoDB item limit and still fires after the flood', async () => {
    const h = await harness({ maxCandidatesPerKey: 100_000 });
    const flood = Array.from({ length: 4_000 }, (_, i) => {
      const event = msiInstall(WKS_042, T0 + i * 10, 10_000 + i);
      // Random names defeat gzip, so only the size check can save the item.
      const noise = randomBytes(100).toString('hex');
      (event.process as Record<string, unknown>).command_line =
        `msiexec.exe /i C:\\pkgs\\${noise}.msi /qn`;
      return event;
    });
    h.objects.set('flood.ndjson', ndjson(flood));
    const last = T0 + 3_999 * 10;
    h.objects.set(
      'after.ndjson',
      ndjson([screenConnect(WKS_042, last + 5_000)]),
    );
    const outcome = await h.run(['flood.ndjson']);
    expect(outcome.error).toBeNull();
    expect(h.metrics.get('StateCapped')).toBeGreaterThanOrEqual(1);
    const output = await clients.dynamodb.send(
      new ScanCommand({ TableName: h.tableName }),
    );
    const items = output.Items ?? [];
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(itemBytes(item)).toBeLessThan(400 * 1024);
    await h.run(['after.ndjson']);
    expect(h.publisher.alerts).toHaveLength(1);
    expect(h.publisher.alerts[0]?.events[1]?.processName).toBe(
      'ScreenConnect.ClientService.exe',
    );
  });

  it('evicts past the configured candidate cap and counts the evictions', async () => {
    const h = await harness({ maxCandidatesPerKey: 50 });
    const flood = Array.from({ length: 300 }, (_, i) =>
      msiInstall(WKS_042, T0 + i * 10, 10_000 + i),
    );
    h.objects.set('flood.ndjson', ndjson(flood));
    await h.run(['flood.ndjson']);
    expect(h.metrics.get('Evictions')).toBeGreaterThan(0);
  });
});
