import { TextDecoder } from 'node:util';
import type { SourceRef } from '../../ecs/EcsDocument';
import { malformed, skipped } from '../common/malformed';
import type { DecodeResult, StreamDecoder } from '../types';
import { windowsProcessStart } from '../windows/windowsProcessStart';
import { type AssembledEvent, EventXmlAssembler } from './EventXmlAssembler';
import { XmlTokenizer } from './XmlTokenizer';

// An optional declaration and comments, then <Event or <Events.
const XML_EVENTS_START =
  /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w-]+:)?Events?[\s>/]/;
const SNIFF_CHARS = 2048;

/**
 * Rendered Windows event XML: `<Event xmlns=...>` elements one a line (as
 * `wevtutil qe /f:xml` and PowerShell write them) or inside an `<Events>`
 * document spanning lines (Windows Event Forwarding, `wevtutil /e:Events`),
 * with or without `<RenderingInfo>`. UTF-8, or UTF-16 with a byte-order
 * mark. Sysmon event 1 and Security event 4688 become process starts.
 *
 * Rendered XML carries no host id: `host.id` is the computer name from
 * `System/Computer`, so a rule joining on `host.id` joins on that name.
 */
export const windowsXmlDecoder: StreamDecoder = {
  kind: 'stream',
  name: 'windows-xml',
  sniff: looksLikeEventXml,
  decode: decodeEventXml,
};

async function* decodeEventXml(
  input: AsyncIterable<Buffer>,
  object: string,
): AsyncIterable<DecodeResult> {
  const tokenizer = new XmlTokenizer();
  const assembler = new EventXmlAssembler();
  let text: TextDecoder | undefined;
  let events = 0;
  for await (const chunk of input) {
    text ??= new TextDecoder(encodingOf(chunk));
    for (const token of tokenizer.push(text.decode(chunk, { stream: true }))) {
      const assembled = assembler.accept(token);
      if (assembled === undefined) continue;
      events += 1;
      yield toResult(assembled, object, events);
    }
  }
  const tail = text?.decode() ?? '';
  for (const token of [...tokenizer.push(tail), ...tokenizer.end()]) {
    const assembled = assembler.accept(token);
    if (assembled === undefined) continue;
    events += 1;
    yield toResult(assembled, object, events);
  }
  const unfinished = assembler.end();
  if (unfinished !== undefined) yield toResult(unfinished, object, events + 1);
  else if (events === 0) {
    yield malformed({ object }, 'no <Event> element in the input');
  }
}

function toResult(
  assembled: AssembledEvent,
  object: string,
  record: number,
): DecodeResult {
  const source: SourceRef = { object, line: assembled.line, record };
  if (assembled.kind === 'skipped') return skipped(source);
  if (assembled.kind === 'malformed')
    return malformed(source, assembled.reason);
  const outcome = windowsProcessStart(assembled.record);
  if (outcome.kind === 'event') {
    return { kind: 'event', event: outcome.event, source };
  }
  if (outcome.kind === 'skipped') return skipped(source);
  return malformed(source, outcome.reason);
}

// PowerShell and Event Viewer save XML as UTF-16 with a byte-order mark;
// TextDecoder drops the mark itself.
function encodingOf(head: Buffer): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function looksLikeEventXml(head: Buffer): boolean {
  const sample = head.subarray(0, SNIFF_CHARS * 2);
  const text = new TextDecoder(encodingOf(sample)).decode(sample);
  return XML_EVENTS_START.test(text);
}
