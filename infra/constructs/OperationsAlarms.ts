import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { SECURE_DEFAULTS } from '../secureDefaults';

/** Properties of {@link OperationsAlarms}. */
export interface OperationsAlarmsProps {
  readonly function: IFunction;
  readonly queue: IQueue;
  readonly deadLetterQueue: IQueue;
  readonly topic: ITopic;
}

/**
 * Alarms that mean objects are not being read: anything in the dead-letter
 * queue, function errors, and objects waiting too long in the queue. They
 * go to the operations topic, not the alert topic, so that analysts and
 * operators can subscribe separately.
 */
export class OperationsAlarms extends Construct {
  readonly alarms: readonly Alarm[];

  constructor(scope: Construct, id: string, props: OperationsAlarmsProps) {
    super(scope, id);
    const period = Duration.minutes(5);
    this.alarms = [
      new Alarm(this, 'DeadLetters', {
        alarmDescription: 'eqlambda: objects failed repeatedly (see DLQ)',
        metric: props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({
          period,
          statistic: 'Maximum',
        }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'FunctionErrors', {
        alarmDescription: 'eqlambda: the detector function failed',
        metric: props.function.metricErrors({ period, statistic: 'Sum' }),
        threshold: 0,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
      new Alarm(this, 'QueueAge', {
        alarmDescription: 'eqlambda: objects wait too long to be read',
        metric: props.queue.metricApproximateAgeOfOldestMessage({
          period,
          statistic: 'Maximum',
        }),
        threshold: SECURE_DEFAULTS.maxQueueAgeSeconds,
        comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }),
    ];
    for (const alarm of this.alarms) {
      alarm.addAlarmAction(new SnsAction(props.topic));
    }
  }
}
