import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoStateStore } from '../../lambda/aws/DynamoStateStore';
import type { GroupRecord } from '../../lambda/aws/StateStore';
import { type MotoServer, useMotoServer } from '../helpers/motoServer';
import {
  createStateTable,
  type MotoClients,
  motoClients,
} from './support/motoClients';

const TABLE = 'store-test';
let moto: MotoServer;
let clients: MotoClients;
let store: DynamoStateStore;

useMotoServer(async (server) => {
  moto = server;
  clients = motoClients(moto.endpoint);
  await createStateTable(clients.dynamodb, TABLE);
  store = new DynamoStateStore({
    client: clients.dynamodb,
    tableName: TABLE,
    sleep: async () => {},
  });
});

function record(pk: string, version: number, state: object): GroupRecord {
  return {
    pk,
    version,
    state: state as GroupRecord['state'],
    stateExpiresAt: 2_000_000_000,
    expiresAt: 2_000_000_000,
    outbox: [],
  };
}

describe('DynamoStateStore', () => {
  it('creates a group only when no item exists yet', async () => {
    expect(await store.writeGroup(record('seq#a', 1, { n: 1 }), 0)).toBe(true);
    expect(await store.writeGroup(record('seq#a', 1, { n: 2 }), 0)).toBe(false);
    const read = await store.readGroups(['seq#a']);
    expect(read.get('seq#a')?.state).toEqual({ n: 1 });
  });

  it('refuses a write based on a version that is no longer stored', async () => {
    await store.writeGroup(record('seq#b', 1, { n: 1 }), 0);
    expect(await store.writeGroup(record('seq#b', 2, { n: 2 }), 1)).toBe(true);
    expect(await store.writeGroup(record('seq#b', 2, { n: 3 }), 1)).toBe(false);
    const read = await store.readGroups(['seq#b']);
    expect(read.get('seq#b')).toMatchObject({ version: 2, state: { n: 2 } });
  });

  it('stores a large state gzipped as binary and reads it back', async () => {
    const big = { events: Array.from({ length: 5_000 }, (_, i) => `e${i}`) };
    await store.writeGroup(record('seq#big', 1, big), 0);
    const raw = await clients.dynamodb.send(
      new GetItemCommand({ TableName: TABLE, Key: { pk: { S: 'seq#big' } } }),
    );
    expect(raw.Item?.state?.B).toBeInstanceOf(Uint8Array);
    const read = await store.readGroups(['seq#big']);
    expect(read.get('seq#big')?.state).toEqual(big);
  });

  it('reads more than one hundred groups in batches', async () => {
    const pks = Array.from({ length: 130 }, (_, i) => `seq#many-${i}`);
    for (const pk of pks) await store.writeGroup(record(pk, 1, { pk }), 0);
    const read = await store.readGroups([...pks, 'seq#absent']);
    expect(read.size).toBe(130);
    expect(read.get('seq#many-129')?.state).toEqual({ pk: 'seq#many-129' });
  });

  it('deletes a group only at the expected version', async () => {
    await store.writeGroup(record('seq#d', 1, {}), 0);
    expect(await store.deleteGroup('seq#d', 2)).toBe(false);
    expect(await store.deleteGroup('seq#d', 1)).toBe(true);
    expect((await store.readGroups(['seq#d'])).size).toBe(0);
  });

  it('lets one claimant hold an alert until it is sent', async () => {
    const now = 1_800_000_000_000;
    const until = now + 60_000;
    expect(await store.claimAlert('x1', now, until, 1_900_000_000)).toBe(
      'claimed',
    );
    expect(await store.claimAlert('x1', now + 1, until, 1_900_000_000)).toBe(
      'in-flight',
    );
    await store.markAlertSent('x1', 1_900_000_000);
    expect(
      await store.claimAlert('x1', until + 1, until + 2, 1_900_000_000),
    ).toBe('sent');
  });

  it('hands an alert over once its claim has run out unsent', async () => {
    const now = 1_800_000_000_000;
    await store.claimAlert('x2', now, now + 1_000, 1_900_000_000);
    expect(
      await store.claimAlert('x2', now + 1_001, now + 5_000, 1_900_000_000),
    ).toBe('claimed');
  });

  it('frees a released alert for the next claimant', async () => {
    const now = 1_800_000_000_000;
    await store.claimAlert('x3', now, now + 60_000, 1_900_000_000);
    await store.releaseAlert('x3');
    expect(
      await store.claimAlert('x3', now + 1, now + 60_000, 1_900_000_000),
    ).toBe('claimed');
  });

  it('treats a sent alert past its expiry as never sent', async () => {
    const now = 1_800_000_000_000;
    await store.claimAlert('x4', now, now + 1_000, 1_800_000_100);
    await store.markAlertSent('x4', 1_800_000_100);
    const later = 1_800_000_200_000;
    expect(
      await store.claimAlert('x4', later, later + 1_000, 1_900_000_000),
    ).toBe('claimed');
  });

  it('writes and reads host names in batches of any size', async () => {
    const hosts = new Map(
      Array.from({ length: 40 }, (_, i) => [`aid${i}`, `WKS-${i}`] as const),
    );
    await store.writeHostNames(hosts, 2_000_000_000);
    const read = await store.readHostNames(['aid0', 'aid39', 'unknown']);
    expect(read).toEqual(
      new Map([
        ['aid0', 'WKS-0'],
        ['aid39', 'WKS-39'],
      ]),
    );
  });
});
