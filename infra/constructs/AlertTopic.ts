import { Effect, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import {
  EmailSubscription,
  UrlSubscription,
} from 'aws-cdk-lib/aws-sns-subscriptions';
import { Construct } from 'constructs';
import {
  type AlertSubscription,
  SEVERITIES,
  type Severity,
} from '../config/DetectorConfig';

/** Properties of {@link AlertTopic}. */
export interface AlertTopicProps {
  readonly emails: readonly AlertSubscription[];
  readonly webhooks: readonly AlertSubscription[];
  readonly operationsEmails: readonly string[];
}

/**
 * The alert topic and the operations topic, both encrypted with one
 * customer-managed KMS key (rotated yearly) and accepting only TLS. Each
 * alert subscription below `low` filters on the `severity` attribute.
 */
export class AlertTopic extends Construct {
  readonly key: Key;
  readonly topic: Topic;
  readonly operationsTopic: Topic;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      enableKeyRotation: true,
      description: 'eqlambda: encrypts the alert and operations topics',
    });
    // CloudWatch alarms publish to the encrypted operations topic; SNS
    // needs the alarm service to be able to use the key for that.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Alerts', {
      masterKey: this.key,
      enforceSSL: true,
      displayName: 'eqlambda alerts',
    });
    this.operationsTopic = new Topic(this, 'Operations', {
      masterKey: this.key,
      enforceSSL: true,
      displayName: 'eqlambda operations',
    });
    for (const s of props.emails) {
      this.topic.addSubscription(
        new EmailSubscription(s.endpoint, filterFor(s.minSeverity)),
      );
    }
    for (const s of props.webhooks) {
      this.topic.addSubscription(
        new UrlSubscription(s.endpoint, filterFor(s.minSeverity)),
      );
    }
    for (const address of props.operationsEmails) {
      this.operationsTopic.addSubscription(new EmailSubscription(address));
    }
  }
}

/** A filter policy admitting `minSeverity` and above; none for `low`. */
function filterFor(minSeverity: Severity) {
  if (minSeverity === 'low') return {};
  const admitted = SEVERITIES.slice(SEVERITIES.indexOf(minSeverity));
  return {
    filterPolicy: {
      severity: SubscriptionFilter.stringFilter({ allowlist: [...admitted] }),
    },
  };
}
