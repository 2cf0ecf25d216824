/**
 * A JSON value as it appears in an ECS document. Decoders produce these and
 * the EQL engine reads them; nothing else about the shape is assumed.
 */
export type EcsValue =
  | string
  | number
  | boolean
  | null
  | EcsValue[]
  | { [key: string]: EcsValue };

/**
 * One event in Elastic Common Schema form. Fields may be nested objects
 * (`{"process": {"name": "x"}}`) or flat dotted keys (`{"process.name": "x"}`);
 * the engine resolves both.
 */
export type EcsDocument = { [key: string]: EcsValue };

/**
 * Where an event came from: a local file or an S3 object (`s3://bucket/key`),
 * and its position there. Line numbers start at 1. Binary formats give a
 * record number or byte offset instead of a line.
 */
export interface SourceRef {
  readonly object: string;
  readonly line?: number;
  readonly record?: number;
  readonly offset?: number;
}
