import { isJsonObject } from '../common/parseJsonObject';

/**
 * True for a winlogbeat or Elastic Agent document that no ingest pipeline
 * has mapped yet: the event is in `winlog`, and there is no `process`
 * object. After the pipeline the same document is ECS and belongs to the
 * `ecs` format.
 */
export function isRawWinlogbeat(document: Record<string, unknown>): boolean {
  const winlog = document.winlog;
  return (
    isJsonObject(winlog) &&
    'event_id' in winlog &&
    !isJsonObject(document.process)
  );
}
