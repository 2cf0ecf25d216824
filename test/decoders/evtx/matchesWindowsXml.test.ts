import { describe, expect, it } from 'vitest';
import { evtxDecoder } from '../../../lambda/decoders/evtx/evtxDecoder';
import { windowsXmlDecoder } from '../../../lambda/decoders/windows-xml/windowsXmlDecoder';
import {
  MSIEXEC_START,
  sysmonProcessCreate,
} from '../../fixtures/evtx/scenarios';
import { writeEvtx } from '../../fixtures/evtx/writeEvtx';
import { chunksOf, collect, eventOf } from '../fixtures';

// The msiexec record of the EVTX fixture as `wevtutil qe /f:xml` would
// render it, written out by hand.
const MSIEXEC_XML = [
  '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">',
  '<System>',
  '<Provider Name="Microsoft-Windows-Sysmon" Guid="{5770385F-C22A-43E0-BF4C-06F5698FFBD9}"/>',
  '<EventID>1</EventID><Version>5</Version><Level>4</Level><Task>1</Task>',
  '<Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>',
  '<TimeCreated SystemTime="2026-11-30T09:15:00.2501234Z"/>',
  '<EventRecordID>101</EventRecordID><Correlation/>',
  '<Execution ProcessID="3048"/>',
  '<Channel>Microsoft-Windows-Sysmon/Operational</Channel>',
  '<Computer>WKS-042.corp.example.com</Computer>',
  '<Security UserID="S-1-5-18"/>',
  '</System>',
  '<EventData>',
  '<Data Name="RuleName">-</Data>',
  '<Data Name="UtcTime">2026-11-30 09:15:00.250</Data>',
  '<Data Name="ProcessGuid">{6A1B2C3D-1111-2222-3333-444455556666}</Data>',
  '<Data Name="ProcessId">5120</Data>',
  '<Data Name="Image">C:\\Windows\\System32\\msiexec.exe</Data>',
  '<Data Name="FileVersion"/><Data Name="Description"/><Data Name="Product"/>',
  '<Data Name="Company"/><Data Name="OriginalFileName"/>',
  '<Data Name="CommandLine">"C:\\Windows\\System32\\msiexec.exe" /i "C:\\Users\\jdoe\\Downloads\\support.msi" /qn</Data>',
  '<Data Name="CurrentDirectory">C:\\Windows\\system32\\</Data>',
  '<Data Name="User">CORP\\jdoe</Data>',
  '<Data Name="LogonGuid"/>',
  '<Data Name="LogonId">0x3e7</Data>',
  '<Data Name="TerminalSessionId">0</Data>',
  '<Data Name="IntegrityLevel">System</Data>',
  `<Data Name="Hashes">SHA256=${'0'.repeat(64)}</Data>`,
  '<Data Name="ParentProcessGuid">{6A1B2C3D-1111-2222-3333-000000000001}</Data>',
  '<Data Name="ParentProcessId">3100</Data>',
  '<Data Name="ParentImage">C:\\Windows\\explorer.exe</Data>',
  '<Data Name="ParentCommandLine">C:\\Windows\\Explorer.EXE</Data>',
  '<Data Name="ParentUser">CORP\\jdoe</Data>',
  '</EventData>',
  '</Event>',
].join('');

describe('evtxDecoder beside the Windows XML decoder', () => {
  it('gives the same document for an event as its rendered XML gives', async () => {
    const evtx = writeEvtx([sysmonProcessCreate(MSIEXEC_START)]).bytes;
    const [fromEvtx] = await collect(
      evtxDecoder.decode(chunksOf(evtx, 65_536), 'a.evtx'),
    );
    const [fromXml] = await collect(
      windowsXmlDecoder.decode(
        chunksOf(Buffer.from(`${MSIEXEC_XML}\n`), 4096),
        'a.xml',
      ),
    );
    expect(eventOf(fromEvtx)).toEqual(eventOf(fromXml));
  });
});
