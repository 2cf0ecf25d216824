import { coreEngine } from './aws/coreEngine';
import { createHandler } from './aws/createHandler';
import { loadRules } from './rules/loadRules';

/**
 * The Lambda entry point. It accepts S3 event notifications, SQS batches of
 * them (reporting partial batch failures), SNS envelopes of them,
 * EventBridge "Object Created" events and CrowdStrike FDR notifications.
 * Settings come from the environment (see `loadConfig`): at least
 * `STATE_TABLE_NAME` and `ALERT_TOPIC_ARN`.
 */
export const handler = createHandler({ engine: coreEngine, loadRules });
