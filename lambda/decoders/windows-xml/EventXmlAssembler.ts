import { MAX_RECORD_CHARS } from '../common/limits';
import {
  isWindowsProcessStart,
  type WindowsRecord,
} from '../windows/windowsProcessStart';
import type { XmlToken } from './XmlTokenizer';

/** What one `<Event>` element amounts to, with the line it starts on. */
export type AssembledEvent =
  | {
      readonly kind: 'record';
      readonly record: WindowsRecord;
      readonly line: number;
    }
  | { readonly kind: 'skipped'; readonly line: number }
  | {
      readonly kind: 'malformed';
      readonly reason: string;
      readonly line: number;
    };

interface Draft {
  line: number;
  size: number;
  channel?: string;
  eventId?: string;
  timeCreated?: string;
  computerName?: string;
  userSid?: string;
  recordId?: string;
  eventData: Record<string, string>;
  problem?: string;
  skip: boolean;
}

/**
 * Builds Windows event records from XML tokens, one `<Event>` element at a
 * time, wherever the elements sit (one a line, or inside `<Events>`).
 * Only `System` and `EventData` are read; `RenderingInfo` and `UserData`
 * are passed over. Once `System` shows an event is not a process start,
 * the rest of it is skipped without collecting anything.
 */
export class EventXmlAssembler {
  // Element names from <Event> down to the current element.
  readonly #path: string[] = [];
  #draft: Draft | undefined;
  #text = '';
  #dataName: string | undefined;

  /** Takes one token; returns an event when the token completes one. */
  accept(token: XmlToken): AssembledEvent | undefined {
    switch (token.kind) {
      case 'open':
        return this.#open(token);
      case 'close':
        return this.#close(token.name);
      case 'text':
        this.#addText(token.text);
        return undefined;
      case 'error':
        return this.#fail(token.reason, token.line);
    }
  }

  /** Reports an event the input ended inside. */
  end(): AssembledEvent | undefined {
    const draft = this.#draft;
    if (draft === undefined) return undefined;
    this.#draft = undefined;
    this.#path.length = 0;
    return {
      kind: 'malformed',
      reason: 'input ended inside <Event>',
      line: draft.line,
    };
  }

  #open(token: Extract<XmlToken, { kind: 'open' }>) {
    if (this.#draft === undefined) {
      if (token.name !== 'Event') return undefined;
      this.#draft = { line: token.line, size: 0, eventData: {}, skip: false };
      this.#path.push('Event');
      return token.selfClosing ? this.#close('Event') : undefined;
    }
    this.#path.push(token.name);
    this.#text = '';
    const draft = this.#draft;
    if (!draft.skip) this.#readAttributes(draft, token.attributes);
    return token.selfClosing ? this.#close(token.name) : undefined;
  }

  #readAttributes(draft: Draft, attributes: Readonly<Record<string, string>>) {
    const place = this.#place();
    if (place === 'System/TimeCreated')
      draft.timeCreated = attributes.SystemTime;
    else if (place === 'System/Security') draft.userSid = attributes.UserID;
    else if (place === 'EventData/Data') this.#dataName = attributes.Name;
  }

  #close(name: string): AssembledEvent | undefined {
    const draft = this.#draft;
    if (draft === undefined) return undefined;
    if (this.#path[this.#path.length - 1] !== name) {
      draft.problem ??= `</${name}> does not close <${this.#path.at(-1)}>`;
      if (name !== 'Event') return undefined;
      this.#path.length = 1;
    }
    if (this.#path.length === 1) return this.#finish(draft);
    if (!draft.skip) this.#readValue(draft);
    this.#path.pop();
    this.#text = '';
    return undefined;
  }

  #readValue(draft: Draft): void {
    const text = this.#text.trim();
    switch (this.#place()) {
      case 'System/EventID':
        draft.eventId = text;
        return;
      case 'System/Channel':
        draft.channel = text;
        return;
      case 'System/Computer':
        draft.computerName = text;
        return;
      case 'System/EventRecordID':
        draft.recordId = text;
        return;
      case 'EventData/Data':
        // Data values are kept as written: a command line may end in a space.
        if (this.#dataName) draft.eventData[this.#dataName] = this.#text;
        this.#dataName = undefined;
        return;
      case 'System':
        draft.skip = !isWindowsProcessStart(draft.channel, draft.eventId);
        return;
    }
  }

  #finish(draft: Draft): AssembledEvent {
    this.#draft = undefined;
    this.#path.length = 0;
    this.#text = '';
    const line = draft.line;
    if (draft.problem !== undefined) {
      return { kind: 'malformed', reason: draft.problem, line };
    }
    if (draft.eventId === undefined) {
      return { kind: 'malformed', reason: 'no System/EventID', line };
    }
    if (draft.skip || !isWindowsProcessStart(draft.channel, draft.eventId)) {
      return { kind: 'skipped', line };
    }
    const record: WindowsRecord = {
      channel: draft.channel,
      eventId: draft.eventId,
      timeCreated: draft.timeCreated,
      computerName: draft.computerName,
      userSid: draft.userSid,
      recordId: draft.recordId,
      eventData: draft.eventData,
    };
    return { kind: 'record', record, line };
  }

  #addText(text: string): void {
    const draft = this.#draft;
    if (draft === undefined || draft.skip) return;
    draft.size += text.length;
    if (draft.size > MAX_RECORD_CHARS) {
      draft.problem ??= `<Event> exceeds the limit of ${MAX_RECORD_CHARS} characters`;
      draft.skip = true;
      return;
    }
    this.#text += text;
  }

  #fail(reason: string, line: number): AssembledEvent | undefined {
    const draft = this.#draft;
    if (draft === undefined) return { kind: 'malformed', reason, line };
    draft.problem ??= reason;
    return undefined;
  }

  // Where the current element sits below <Event>: `System/EventID`. Only
  // the first two levels matter, so deeper places are not spelled out.
  #place(): string {
    const path = this.#path;
    if (path.length === 2) return path[1] ?? '';
    if (path.length === 3) return `${path[1]}/${path[2]}`;
    return '';
  }
}
