import { type CfnResource, type Stack, Validations } from 'aws-cdk-lib';
import type { DetectorConfig } from './config/DetectorConfig';
import type { ArchiveBucket } from './constructs/ArchiveBucket';
import type { DetectorFunction } from './constructs/DetectorFunction';

/** What {@link acknowledgeFindings} needs to name each finding exactly. */
export interface AcknowledgementScope {
  readonly stack: Stack;
  readonly config: DetectorConfig;
  readonly archive: ArchiveBucket;
  readonly detector: DetectorFunction;
}

/**
 * The cdk-nag findings this stack accepts, each named exactly (one finding,
 * not a whole rule) and with the reason a reviewer needs. Everything else
 * must pass, and the tests hold the stack to that.
 */
export function acknowledgeFindings(scope: AcknowledgementScope): void {
  acknowledgePrefixReads(scope);
  acknowledgeNotificationHandler(scope.stack);
}

function acknowledgePrefixReads(scope: AcknowledgementScope): void {
  const policy = scope.detector.role.node.tryFindChild('DefaultPolicy');
  if (!policy) return;
  const bucketArn = bucketArnAsNagWritesIt(scope);
  for (const { prefix } of scope.config.prefixes) {
    Validations.of(policy).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${bucketArn}/${prefix}*]`,
      reason:
        `s3:GetObject on the objects under the watched prefix "${prefix}": ` +
        'object keys are not known before they arrive, so the grant names ' +
        'the prefix and nothing wider.',
    });
  }
}

/** cdk-nag prints a bucket ARN as `<LogicalId.Arn>` or with `<AWS::Partition>`. */
function bucketArnAsNagWritesIt(scope: AcknowledgementScope): string {
  const { config, archive, stack } = scope;
  if (config.bucket.mode === 'import') {
    return `arn:<AWS::Partition>:s3:::${config.bucket.name}`;
  }
  const resource = archive.bucket.node.defaultChild as CfnResource;
  return `<${stack.getLogicalId(resource)}.Arn>`;
}

function acknowledgeNotificationHandler(stack: Stack): void {
  const handlers = stack.node.children.filter((c) =>
    c.node.id.startsWith('BucketNotificationsHandler'),
  );
  for (const handler of handlers) {
    Validations.of(handler).acknowledge({
      id:
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/' +
        'service-role/AWSLambdaBasicExecutionRole]',
      reason:
        "CDK's own deploy-time function that writes the bucket's " +
        'notification configuration uses this AWS managed policy, which ' +
        'only allows writing its logs; CDK offers no way to replace it.',
    });
  }
}
