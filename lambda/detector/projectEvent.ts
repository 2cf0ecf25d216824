import type { EcsDocument, EcsValue } from '../ecs/EcsDocument';
import { getField } from '../eql/fieldValue';

/** The fields an alert shows; a candidate keeps only these. */
export const PROJECTED_FIELDS: readonly string[] = [
  '@timestamp',
  'event.code',
  'event.action',
  'host.id',
  'host.name',
  'process.name',
  'process.executable',
  'process.command_line',
  'process.args',
  'process.pid',
  'process.entity_id',
  'process.parent.name',
  'process.parent.executable',
  'process.parent.command_line',
  'process.parent.pid',
  'user.name',
  'user.domain',
  'user.id',
];

/**
 * A copy of `event` with only the fields alerts show, as nested objects,
 * so that the candidates held in sequence state stay small. Fields the
 * event lacks are left out.
 */
export function projectEvent(
  event: EcsDocument,
  fields: readonly string[] = PROJECTED_FIELDS,
): EcsDocument {
  const projected: EcsDocument = {};
  for (const path of fields) {
    const value = getField(event, path);
    if (value !== undefined) setPath(projected, path, value);
  }
  return projected;
}

function setPath(target: EcsDocument, path: string, value: EcsValue): void {
  const segments = path.split('.');
  let node: { [key: string]: EcsValue } = target;
  for (const segment of segments.slice(0, -1)) {
    const child = node[segment];
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      node = child;
    } else {
      const created: { [key: string]: EcsValue } = {};
      node[segment] = created;
      node = created;
    }
  }
  node[segments[segments.length - 1] as string] = value;
}
