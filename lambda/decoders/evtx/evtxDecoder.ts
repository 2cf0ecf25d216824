import type { SourceRef } from '../../ecs/EcsDocument';
import type { DecodeResult, StreamDecoder } from '../types';
import {
  isWindowsProcessStart,
  type WindowsRecord,
  windowsProcessStart,
} from '../windows/windowsProcessStart';
import type { EventView } from './EventView';
import {
  checkFileHeader,
  FILE_HEADER_SIZE,
  hasEvtxSignature,
} from './fileHeader';
import { readBlocks } from './readBlocks';
import { CHUNK_SIZE, type ChunkRecord, readChunk } from './readChunk';

/**
 * Windows event log files (`.evtx`, as copied off a host with `wevtutil
 * epl` or from `C:\Windows\System32\winevt\Logs`). Yields a process-start
 * ECS event for each Sysmon event 1 and Security event 4688, `skipped` for
 * every other record, and `malformed` for damage: a bad checksum, a chunk
 * without its signature, a record that cannot be read, a file cut short.
 * Reading always goes on after damage.
 *
 * Streams: the input is read one 64 KiB chunk at a time and nothing is kept
 * from one chunk to the next. `source.record` is the event record
 * identifier and `source.offset` the record's byte offset in the file.
 *
 * @example
 * for await (const result of evtxDecoder.decode(stream, 's3://b/k.evtx')) {
 *   if (result.kind === 'event') handle(result.event);
 * }
 */
export const evtxDecoder: StreamDecoder = {
  kind: 'stream',
  name: 'evtx',
  sniff: hasEvtxSignature,
  decode: decodeEvtx,
};

async function* decodeEvtx(
  input: AsyncIterable<Buffer>,
  object: string,
): AsyncGenerator<DecodeResult> {
  const blocks = readBlocks(input, (index) =>
    index === 0 ? FILE_HEADER_SIZE : CHUNK_SIZE,
  );
  let index = -1;
  for await (const block of blocks) {
    index += 1;
    if (index === 0) {
      const header = checkFileHeader(block);
      for (const reason of header.problems) {
        yield malformed({ object, offset: 0 }, reason);
      }
      if (!header.isEvtx) return;
      continue;
    }
    const chunkOffset = FILE_HEADER_SIZE + (index - 1) * CHUNK_SIZE;
    for (const item of readChunk(block, chunkOffset, index - 1)) {
      if (item.kind === 'problem') {
        const { offset, record, reason } = item;
        yield malformed({ object, offset, record }, reason);
      } else {
        yield decodeRecord(item, object);
      }
    }
  }
  if (index === -1) yield malformed({ object, offset: 0 }, 'empty file');
}

/**
 * Renders and maps one record with the mapping the Windows XML decoder
 * uses, so both give the same document for the same event. Whatever goes
 * wrong becomes `malformed`.
 */
function decodeRecord(item: ChunkRecord, object: string): DecodeResult {
  const source: SourceRef = {
    object,
    record: item.record,
    offset: item.offset,
  };
  try {
    const { channel, eventId } = item.view.identity();
    if (!isWindowsProcessStart(channel, eventId)) {
      return { kind: 'skipped', source };
    }
    const outcome = windowsProcessStart(windowsRecord(item.view));
    if (outcome.kind === 'event') {
      return { kind: 'event', event: outcome.event, source };
    }
    if (outcome.kind === 'skipped') return { kind: 'skipped', source };
    return malformed(source, outcome.reason);
  } catch (error) {
    const reason = `event record ${item.record}: ${(error as Error).message}`;
    return malformed(source, reason);
  }
}

function windowsRecord(view: EventView): WindowsRecord {
  const system = view.system();
  return {
    channel: system.channel,
    eventId: system.eventId,
    timeCreated: system.timeCreated,
    computerName: system.computer,
    userSid: system.userId,
    recordId: system.recordId,
    eventData: Object.fromEntries(view.eventData()),
  };
}

function malformed(source: SourceRef, reason: string): DecodeResult {
  const clean: SourceRef =
    source.record === undefined
      ? { object: source.object, offset: source.offset }
      : source;
  return { kind: 'malformed', record: { source: clean, reason } };
}
