import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_RECORD_CHARS } from '../../../lambda/decoders/common/limits';
import type { DecodeResult } from '../../../lambda/decoders/types';
import { windowsXmlDecoder as decoder } from '../../../lambda/decoders/windows-xml/windowsXmlDecoder';
import {
  chunksOf,
  collect,
  eventOf,
  field,
  readFixture,
  reasonOf,
} from '../fixtures';

const COMPUTER = 'ws-finance-01.corp.example.com';
const SCREENCONNECT =
  'C:\\Program Files (x86)\\ScreenConnect Client (1a2b3c4d5e6f7a8b)\\ScreenConnect.ClientService.exe';

function decodeText(text: string, chunk = 64): Promise<DecodeResult[]> {
  return collect(decoder.decode(chunksOf(Buffer.from(text), chunk), 'x.xml'));
}

function kinds(results: readonly DecodeResult[]) {
  return results.map((result) => result.kind);
}

describe('windows-xml decoder', () => {
  it('maps Sysmon event 1 from one-event-a-line XML', async () => {
    const [msi] = await decodeText(readFixture('windows-xml/one-per-line.xml'));
    expect(eventOf(msi)).toEqual({
      '@timestamp': '2026-12-01T10:00:00.000Z',
      event: {
        kind: 'event',
        category: ['process'],
        type: ['start'],
        action: 'Process creation',
        code: '1',
        provider: 'Microsoft-Windows-Sysmon',
        module: 'sysmon',
        dataset: 'windows.sysmon_operational',
      },
      data_stream: { type: 'logs', dataset: 'windows.sysmon_operational' },
      host: { id: COMPUTER, name: COMPUTER, os: { type: 'windows' } },
      process: {
        name: 'msiexec.exe',
        executable: 'C:\\Windows\\System32\\msiexec.exe',
        command_line:
          '"C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\alice\\Downloads\\R&D <setup>.msi" /qn',
        args: [
          'C:\\Windows\\System32\\msiexec.exe',
          '/i',
          'C:\\Users\\alice\\Downloads\\R&D <setup>.msi',
          '/qn',
        ],
        args_count: 4,
        pid: 6012,
        entity_id: '{7d3c2b1a-0000-1111-2222-000000000a01}',
        working_directory: 'C:\\Users\\alice\\Downloads\\',
        hash: {
          sha256:
            '00aa11bb22cc33dd44ee55ff66007788990011223344556677889900aabbccdd',
        },
        parent: {
          name: 'explorer.exe',
          executable: 'C:\\Windows\\explorer.exe',
          command_line: 'C:\\Windows\\Explorer.EXE',
          args: ['C:\\Windows\\Explorer.EXE'],
          args_count: 1,
          pid: 4000,
          entity_id: '{7d3c2b1a-0000-1111-2222-000000000a00}',
        },
      },
      user: { id: 'S-1-5-18', name: 'alice', domain: 'CORP' },
      winlog: {
        channel: 'Microsoft-Windows-Sysmon/Operational',
        event_id: '1',
        computer_name: COMPUTER,
        record_id: '101',
      },
    });
  });

  it('maps Security 4688 with entities, CDATA and a character reference', async () => {
    const results = await decodeText(
      readFixture('windows-xml/forwarded-events.xml'),
      17,
    );
    const event = eventOf(results[2]);
    expect(event['@timestamp']).toBe('2026-12-01T10:00:30.000Z');
    expect(field(event, 'event.code')).toBe('4688');
    expect(field(event, 'process.pid')).toBe(0x1b80);
    expect(field(event, 'process.name')).toBe(
      'ScreenConnect.ClientService.exe',
    );
    expect(field(event, 'process.args')).toEqual([
      SCREENCONNECT,
      '?e=Access&y=Guest&h=relay.example.com&p=8041&s=5f0e4d3c-2b1a-4f9e-8d7c-6b5a4f3e2d1c&k=BgIAAACkAABSU0ExAAgAAAEAAQ',
    ]);
    expect(field(event, 'process.parent')).toEqual({
      name: 'services.exe',
      executable: 'C:\\Windows\\System32\\services.exe',
      pid: 700,
    });
    expect(field(event, 'user.name')).toBe('WS-FINANCE-01$');
  });

  it('reads an <Events> document spanning lines, with positions', async () => {
    const results = await decodeText(
      readFixture('windows-xml/forwarded-events.xml'),
    );
    expect(kinds(results)).toEqual(['event', 'skipped', 'event']);
    expect(
      results.map((result) => result.kind !== 'malformed' && result.source),
    ).toEqual([
      { object: 'x.xml', line: 4, record: 1 },
      { object: 'x.xml', line: 39, record: 2 },
      { object: 'x.xml', line: 62, record: 3 },
    ]);
  });

  it('reads UTF-16 with a byte-order mark, as PowerShell saves it', async () => {
    const path = fileURLToPath(
      new URL(
        '../../fixtures/decoders/windows-xml/forwarded-events-utf16.xml',
        import.meta.url,
      ),
    );
    const bytes = readFileSync(path);
    expect(decoder.sniff(bytes)).toBe(true);
    const results = await collect(decoder.decode(chunksOf(bytes, 33), 'u.xml'));
    expect(kinds(results)).toEqual(['event', 'skipped', 'event']);
    expect(field(eventOf(results[0]), 'process.name')).toBe('msiexec.exe');
  });

  it('yields msiexec /i then ScreenConnect 30 seconds later on one host', async () => {
    const results = await decodeText(
      readFixture('windows-xml/one-per-line.xml'),
    );
    const events = results
      .filter((result) => result.kind === 'event')
      .map(eventOf);
    expect(events.map((event) => field(event, 'process.name'))).toEqual([
      'msiexec.exe',
      'ScreenConnect.ClientService.exe',
    ]);
    expect(events.map((event) => event['@timestamp'])).toEqual([
      '2026-12-01T10:00:00.000Z',
      '2026-12-01T10:00:30.000Z',
    ]);
    expect(events.map((event) => field(event, 'host.id'))).toEqual([
      COMPUTER,
      COMPUTER,
    ]);
  });

  it('reports an event without EventID and carries on', async () => {
    const text =
      '<Event><System><Channel>Security</Channel></System></Event>\n' +
      readFixture('windows-xml/one-per-line.xml');
    const results = await decodeText(text);
    expect(reasonOf(results[0])).toBe('no System/EventID');
    expect(kinds(results)).toEqual(['malformed', 'event', 'skipped', 'event']);
  });

  it('reports a badly nested event', async () => {
    const results = await decodeText(
      '<Event><System><EventID>1</Channel></System></Event>',
    );
    expect(reasonOf(results[0])).toBe('</Channel> does not close <EventID>');
  });

  it('reports an input cut off inside an event', async () => {
    const text = readFixture('windows-xml/one-per-line.xml').slice(0, 500);
    const results = await decodeText(text);
    expect(reasonOf(results.at(-1))).toBe('input ended inside <Event>');
  });

  it('refuses an event past the size limit and reads the next', async () => {
    const huge = 'a'.repeat(MAX_RECORD_CHARS + 1);
    const text =
      `<Event><System><EventID>1</EventID><Channel>Microsoft-Windows-Sysmon/Operational</Channel></System><EventData><Data Name='CommandLine'>${huge}</Data></EventData></Event>\n` +
      readFixture('windows-xml/one-per-line.xml');
    const results = await decodeText(text, 65536);
    expect(reasonOf(results[0])).toBe(
      `<Event> exceeds the limit of ${MAX_RECORD_CHARS} characters`,
    );
    expect(kinds(results).slice(1)).toEqual(['event', 'skipped', 'event']);
  });

  it('reports an input with no events at all', async () => {
    const results = await decodeText('<?xml version="1.0"?><Events></Events>');
    expect(reasonOf(results[0])).toBe('no <Event> element in the input');
  });

  it('recognises event XML and not JSON', () => {
    expect(
      decoder.sniff(
        Buffer.from(readFixture('windows-xml/forwarded-events.xml')),
      ),
    ).toBe(true);
    expect(decoder.sniff(Buffer.from("<Event xmlns='x'><System>"))).toBe(true);
    expect(decoder.sniff(Buffer.from('{"@timestamp":"x"}'))).toBe(false);
    expect(decoder.sniff(Buffer.from('<EventLog>'))).toBe(false);
  });
});
