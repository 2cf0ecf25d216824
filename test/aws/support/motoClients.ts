import {
  CreateTableCommand,
  DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SNSClient } from '@aws-sdk/client-sns';
import { SQSClient } from '@aws-sdk/client-sqs';

/** Clients for one moto_server, with the fake credentials moto accepts. */
export interface MotoClients {
  readonly dynamodb: DynamoDBClient;
  readonly s3: S3Client;
  readonly sns: SNSClient;
  readonly sqs: SQSClient;
}

export const REGION = 'eu-west-1';

const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };

/** Builds clients pointed at `endpoint`. */
export function motoClients(endpoint: string): MotoClients {
  const common = { endpoint, region: REGION, credentials: CREDENTIALS };
  return {
    dynamodb: new DynamoDBClient(common),
    s3: new S3Client({ ...common, forcePathStyle: true }),
    sns: new SNSClient(common),
    sqs: new SQSClient(common),
  };
}

/** Creates a state table as the stack does: key `pk`, TTL `expiresAt`. */
export async function createStateTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    }),
  );
}
