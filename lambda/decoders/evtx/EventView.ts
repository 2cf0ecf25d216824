import type { BinXmlNode } from './BinXmlNode';
import { BinXmlReader, type BoundFragment } from './BinXmlReader';
import type { ChunkContext } from './ChunkContext';
import { formatValue } from './formatValue';
import { ValueType } from './valueTypes';

/** The `<System>` values the process-start mapping needs, as rendered. */
export interface SystemFields {
  readonly provider?: string;
  readonly eventId?: string;
  readonly timeCreated?: string;
  readonly recordId?: string;
  readonly computer?: string;
  readonly userId?: string;
  readonly channel?: string;
}

/**
 * One event record seen through its template: renders only the values asked
 * for. `identity()` touches two substitution values, so a caller can look
 * at the provider and event id and drop the record before paying for
 * `system()` and `eventData()`. A substitution whose value is Binary XML
 * (an `<EventData>` some providers write as a nested fragment) is parsed
 * where it is met.
 */
export class EventView {
  constructor(
    private readonly context: ChunkContext,
    private readonly fragment: BoundFragment,
  ) {}

  /**
   * Reads only the provider name, channel and event id: enough to decide
   * whether a record matters, without formatting its times and SIDs.
   */
  identity(): Pick<SystemFields, 'provider' | 'channel' | 'eventId'> {
    return this.readSystem(false);
  }

  /** Reads Provider, EventID, TimeCreated, record id, Computer, Security. */
  system(): SystemFields {
    return this.readSystem(true);
  }

  // One pass over <System>'s children: this runs for every record.
  private readSystem(full: boolean): SystemFields {
    const system = this.child(this.fragment, 'System');
    if (system === undefined) return {};
    const fields: { -readonly [K in keyof SystemFields]: string } = {};
    for (const element of this.children(system)) {
      const name = element.root.name;
      if (name === 'Provider') {
        fields.provider = this.attribute(element, 'Name');
      } else if (name === 'EventID') {
        fields.eventId = this.textOf(element);
      } else if (name === 'Channel') {
        fields.channel = this.textOf(element);
      } else if (full) {
        this.readOptionalSystem(element, fields);
      }
    }
    return fields;
  }

  private readOptionalSystem(
    element: BoundFragment,
    fields: { -readonly [K in keyof SystemFields]: string },
  ): void {
    switch (element.root.name) {
      case 'TimeCreated':
        fields.timeCreated = this.attribute(element, 'SystemTime');
        break;
      case 'EventRecordID':
        fields.recordId = this.textOf(element);
        break;
      case 'Computer':
        fields.computer = this.textOf(element);
        break;
      case 'Security':
        fields.userId = this.attribute(element, 'UserID');
        break;
    }
  }

  /**
   * Reads `<EventData>` as a map from each `<Data Name="...">` to its text.
   * Data elements without a Name (classic events) are left out.
   */
  eventData(): Map<string, string> {
    const data = new Map<string, string>();
    const eventData = this.child(this.fragment, 'EventData');
    if (eventData === undefined) return data;
    for (const item of this.children(eventData)) {
      if (item.root.name !== 'Data') continue;
      const name = this.attribute(item, 'Name');
      if (name !== undefined) data.set(name, this.textOf(item));
    }
    return data;
  }

  private child(
    parent: BoundFragment,
    name: string,
  ): BoundFragment | undefined {
    for (const child of this.children(parent)) {
      if (child.root.name === name) return child;
    }
    return undefined;
  }

  /** Child elements, with Binary XML substitution values expanded. */
  private *children(parent: BoundFragment): Generator<BoundFragment> {
    const values = parent.values;
    for (const node of parent.root.children) {
      if (node.kind === 'element') {
        yield { root: node, values };
      } else if (
        node.kind === 'substitution' &&
        values.types[node.index] === ValueType.binXml
      ) {
        yield this.nested(parent, node.index);
      }
    }
  }

  private nested(parent: BoundFragment, index: number): BoundFragment {
    const offset = parent.values.offsets[index] as number;
    const size = parent.values.sizes[index] as number;
    const reader = new BinXmlReader(this.context, offset, offset + size, true);
    return reader.readFragment();
  }

  private attribute(element: BoundFragment, name: string): string | undefined {
    for (const attribute of element.root.attributes) {
      if (attribute.name === name) {
        return this.render(attribute.parts, element.values);
      }
    }
    return undefined;
  }

  private textOf(element: BoundFragment): string {
    return this.render(element.root.children, element.values);
  }

  private render(
    parts: readonly BinXmlNode[],
    values: BoundFragment['values'],
  ): string {
    let text = '';
    for (const part of parts) {
      if (part.kind === 'text') text += part.text;
      else if (part.kind === 'substitution') {
        const type = values.types[part.index];
        if (type === undefined) continue;
        text += formatValue(
          values.chunk,
          values.offsets[part.index] as number,
          values.sizes[part.index] as number,
          type,
        );
      }
    }
    return text;
  }
}
