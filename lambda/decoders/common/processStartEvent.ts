import type { EcsDocument } from '../../ecs/EcsDocument';
import { splitCommandLine } from '../windows/splitCommandLine';
import { baseName } from './baseName';

/** One process (the one started, or its parent) as a source describes it. */
export interface ProcessFacts {
  readonly name?: string | undefined;
  readonly executable?: string | undefined;
  readonly commandLine?: string | undefined;
  /** Only when the source gives it as an integer that fits a double. */
  readonly pid?: number | undefined;
  /** The vendor's unique process id, kept as a string whatever its size. */
  readonly entityId?: string | undefined;
  /** ISO 8601 start time, where the source has one apart from the event's. */
  readonly start?: string | undefined;
  readonly hash?: { readonly [algorithm: string]: string } | undefined;
  readonly workingDirectory?: string | undefined;
}

/** What every decoder knows about a process start, in source-neutral terms. */
export interface ProcessStart {
  /** ISO 8601 UTC. */
  readonly timestamp: string;
  /** `event.module`, as Elastic names the integration (`crowdstrike`). */
  readonly module: string;
  /** `event.dataset` and `data_stream.dataset` (`crowdstrike.fdr`). */
  readonly dataset: string;
  readonly action: string;
  readonly code?: string | undefined;
  readonly provider?: string | undefined;
  readonly eventId?: string | undefined;
  readonly host: {
    readonly id: string;
    readonly name?: string | undefined;
    readonly osType?: string | undefined;
  };
  readonly process: ProcessFacts;
  readonly parent?: ProcessFacts | undefined;
  readonly user?: {
    readonly id?: string | undefined;
    readonly name?: string | undefined;
    readonly domain?: string | undefined;
  };
  /** Source-specific top-level fields kept beside ECS (`winlog`). */
  readonly extra?: EcsDocument | undefined;
}

/**
 * Builds the ECS document of a process start: `event.kind` "event",
 * `event.category` ["process"], `event.type` ["start"], and every field the
 * source gave, nested. Empty strings are left out, as Elastic's pipelines
 * drop them. A missing `process.name` is taken from the executable's path,
 * and `process.args` / `args_count` are split from the command line with
 * Windows rules, as Elastic's pipelines do for every platform.
 */
export function processStartEvent(start: ProcessStart): EcsDocument {
  const event: EcsDocument = {
    kind: 'event',
    category: ['process'],
    type: ['start'],
    action: start.action,
    module: start.module,
    dataset: start.dataset,
  };
  setText(event, 'code', start.code);
  setText(event, 'provider', start.provider);
  setText(event, 'id', start.eventId);
  const document: EcsDocument = {
    '@timestamp': start.timestamp,
    event,
    data_stream: { type: 'logs', dataset: start.dataset },
    host: hostFields(start.host),
  };
  const process = processFields(start.process);
  if (start.parent !== undefined) {
    const parent = processFields(start.parent);
    if (Object.keys(parent).length > 0) process.parent = parent;
  }
  document.process = process;
  const user = userFields(start.user);
  if (Object.keys(user).length > 0) document.user = user;
  if (start.extra !== undefined) Object.assign(document, start.extra);
  return document;
}

function hostFields(host: ProcessStart['host']): EcsDocument {
  const fields: EcsDocument = { id: host.id };
  setText(fields, 'name', host.name);
  if (host.osType !== undefined) fields.os = { type: host.osType };
  return fields;
}

function processFields(facts: ProcessFacts): EcsDocument {
  const fields: EcsDocument = {};
  const name = nonEmpty(facts.name) ?? baseName(nonEmpty(facts.executable));
  setText(fields, 'name', name);
  setText(fields, 'executable', facts.executable);
  const commandLine = nonEmpty(facts.commandLine);
  if (commandLine !== undefined) {
    const args = splitCommandLine(commandLine);
    fields.command_line = commandLine;
    fields.args = args;
    fields.args_count = args.length;
  }
  if (facts.pid !== undefined) fields.pid = facts.pid;
  setText(fields, 'entity_id', facts.entityId);
  setText(fields, 'start', facts.start);
  setText(fields, 'working_directory', facts.workingDirectory);
  if (facts.hash !== undefined && Object.keys(facts.hash).length > 0) {
    fields.hash = { ...facts.hash };
  }
  return fields;
}

function userFields(user: ProcessStart['user']): EcsDocument {
  const fields: EcsDocument = {};
  if (user === undefined) return fields;
  setText(fields, 'id', user.id);
  setText(fields, 'name', user.name);
  setText(fields, 'domain', user.domain);
  return fields;
}

function setText(target: EcsDocument, key: string, value: string | undefined) {
  const text = nonEmpty(value);
  if (text !== undefined) target[key] = text;
}

/** The string itself, or undefined when it is missing, empty or `-`. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' || value === '-'
    ? undefined
    : value;
}
