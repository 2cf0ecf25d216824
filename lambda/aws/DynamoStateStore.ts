import {
  type AttributeValue,
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { TransientAwsError } from './errors';
import { forEachLimit } from './forEachLimit';
import { decodeGroupItem, encodeGroupItem } from './groupItemCodec';
import type { AlertClaim, GroupRecord, StateStore } from './StateStore';

type Item = Record<string, AttributeValue>;

const READ_BATCH = 100;
const PARALLEL_WRITES = 16;
const MAX_UNPROCESSED_ROUNDS = 8;

/** Options of the DynamoDB store. */
export interface DynamoStateStoreOptions {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /** Waits between rounds of unprocessed keys; default a real timer. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The state store on one DynamoDB table (partition key `pk`, TTL attribute
 * `expiresAt`). Reads are strongly consistent, because a version compared
 * against a stale read would only ever conflict. Every SDK failure other
 * than a failed condition becomes a TransientAwsError with the SDK error as
 * its cause.
 *
 * @example
 * const store = new DynamoStateStore({ client, tableName: 'eqlambda' });
 */
export class DynamoStateStore implements StateStore {
  readonly #client: DynamoDBClient;
  readonly #table: string;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: DynamoStateStoreOptions) {
    this.#client = options.client;
    this.#table = options.tableName;
    this.#sleep = options.sleep ?? defaultSleep;
  }

  async readGroups(pks: readonly string[]): Promise<Map<string, GroupRecord>> {
    const records = new Map<string, GroupRecord>();
    for (const item of await this.#batchGet(pks)) {
      const record = decodeGroupItem(item);
      records.set(record.pk, record);
    }
    return records;
  }

  async writeGroup(record: GroupRecord, expected: number): Promise<boolean> {
    const { item } = encodeGroupItem(record);
    return this.#conditional('write state', () =>
      this.#client.send(
        new PutItemCommand({
          TableName: this.#table,
          Item: item,
          ...versionCondition(expected),
        }),
      ),
    );
  }

  async deleteGroup(pk: string, expected: number): Promise<boolean> {
    return this.#conditional('delete state', () =>
      this.#client.send(
        new DeleteItemCommand({
          TableName: this.#table,
          Key: { pk: { S: pk } },
          ...versionCondition(expected),
        }),
      ),
    );
  }

  async claimAlert(
    alertId: string,
    now: number,
    until: number,
    expiresAt: number,
  ): Promise<AlertClaim> {
    const claimed = await this.#conditional('claim alert', () =>
      this.#client.send(
        new PutItemCommand({
          TableName: this.#table,
          Item: {
            pk: { S: alertPk(alertId) },
            status: { S: 'publishing' },
            claimedUntil: { N: String(until) },
            expiresAt: { N: String(expiresAt) },
          },
          // Free, or a claim whose holder ran out of time, or a record past
          // its TTL that DynamoDB has not deleted yet.
          ConditionExpression:
            'attribute_not_exists(pk) OR ' +
            '(#status = :publishing AND claimedUntil < :now) OR ' +
            'expiresAt < :nowSeconds',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':publishing': { S: 'publishing' },
            ':now': { N: String(now) },
            ':nowSeconds': { N: String(Math.floor(now / 1000)) },
          },
        }),
      ),
    );
    if (claimed) return 'claimed';
    const item = await this.#getItem(alertPk(alertId));
    return item?.status?.S === 'sent' ? 'sent' : 'in-flight';
  }

  async markAlertSent(alertId: string, expiresAt: number): Promise<void> {
    await this.#call('mark alert sent', () =>
      this.#client.send(
        new UpdateItemCommand({
          TableName: this.#table,
          Key: { pk: { S: alertPk(alertId) } },
          UpdateExpression:
            'SET #status = :sent, expiresAt = :expiresAt REMOVE claimedUntil',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sent': { S: 'sent' },
            ':expiresAt': { N: String(expiresAt) },
          },
        }),
      ),
    );
  }

  async releaseAlert(alertId: string): Promise<void> {
    await this.#conditional('release alert', () =>
      this.#client.send(
        new DeleteItemCommand({
          TableName: this.#table,
          Key: { pk: { S: alertPk(alertId) } },
          ConditionExpression: '#status = :publishing',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':publishing': { S: 'publishing' } },
        }),
      ),
    );
  }

  async readHostNames(
    hostIds: readonly string[],
  ): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const items = await this.#batchGet(hostIds.map(hostPk));
    for (const item of items) {
      const id = item.pk?.S?.slice('host#'.length);
      const name = item.name?.S;
      if (id !== undefined && name !== undefined) names.set(id, name);
    }
    return names;
  }

  // One PutItem per host, sixteen at a time: the same write units as
  // BatchWriteItem, and one permission fewer for the function's role.
  async writeHostNames(
    hosts: ReadonlyMap<string, string>,
    expiresAt: number,
  ): Promise<void> {
    await forEachLimit([...hosts], PARALLEL_WRITES, ([id, name]) =>
      this.#call('write host name', () =>
        this.#client.send(
          new PutItemCommand({
            TableName: this.#table,
            Item: {
              pk: { S: hostPk(id) },
              name: { S: name },
              expiresAt: { N: String(expiresAt) },
            },
          }),
        ),
      ).then(() => {}),
    );
  }

  async #batchGet(pks: readonly string[]): Promise<Item[]> {
    const unique = [...new Set(pks)];
    const items: Item[] = [];
    for (let start = 0; start < unique.length; start += READ_BATCH) {
      let keys: Item[] = unique
        .slice(start, start + READ_BATCH)
        .map((pk) => ({ pk: { S: pk } }));
      for (let round = 0; keys.length > 0; round += 1) {
        if (round >= MAX_UNPROCESSED_ROUNDS) {
          throw new TransientAwsError('state reads stayed unprocessed');
        }
        if (round > 0) await this.#sleep(backoff(round));
        const output = await this.#call('read state', () =>
          this.#client.send(
            new BatchGetItemCommand({
              RequestItems: {
                [this.#table]: { Keys: keys, ConsistentRead: true },
              },
            }),
          ),
        );
        items.push(...(output.Responses?.[this.#table] ?? []));
        keys = output.UnprocessedKeys?.[this.#table]?.Keys ?? [];
      }
    }
    return items;
  }

  async #getItem(pk: string): Promise<Item | undefined> {
    const output = await this.#call('read alert', () =>
      this.#client.send(
        new GetItemCommand({
          TableName: this.#table,
          Key: { pk: { S: pk } },
          ConsistentRead: true,
        }),
      ),
    );
    return output.Item;
  }

  async #conditional(what: string, send: () => Promise<unknown>) {
    try {
      await send();
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw new TransientAwsError(`DynamoDB ${what} failed`, { cause: error });
    }
  }

  async #call<T>(what: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw new TransientAwsError(`DynamoDB ${what} failed`, { cause: error });
    }
  }
}

function versionCondition(expected: number) {
  if (expected === 0) {
    return { ConditionExpression: 'attribute_not_exists(pk)' };
  }
  return {
    ConditionExpression: 'version = :expected',
    ExpressionAttributeValues: { ':expected': { N: String(expected) } },
  };
}

function alertPk(alertId: string): string {
  return `alert#${alertId}`;
}

function hostPk(hostId: string): string {
  return `host#${hostId}`;
}

function backoff(round: number): number {
  return Math.random() * Math.min(1_000, 25 * 2 ** round);
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
