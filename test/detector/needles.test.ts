import { describe, expect, it } from 'vitest';
import { conditionNeedles, queryNeedles } from '../../lambda/detector/needles';
import { needleOf } from '../../lambda/detector/needleText';
import { parseQuery } from '../../lambda/eql/parse';
import { RMM_AFTER_MSI } from './ruleFromQuery';

function needlesOf(condition: string) {
  const query = parseQuery(`process where ${condition}`);
  if (query.body.kind !== 'event') throw new Error('not an event query');
  return conditionNeedles(query.body.condition);
}

describe('needleOf', () => {
  it('keeps the longest piece between characters formats escape', () => {
    expect(needleOf('C:\\Windows\\System32\\msiexec.exe', false)).toBe(
      'msiexec.exe',
    );
  });

  it('cuts wildcard patterns at * and ? only when told to', () => {
    expect(needleOf('*?e=Access&y=Guest&h*&k=*', true)).toBe('e=access');
    expect(needleOf('a*bcdef', false)).toBe('a*bcdef');
  });

  it('gives no needle below three characters', () => {
    expect(needleOf('/i*', true)).toBeNull();
    expect(needleOf('ab"cd', false)).toBeNull();
  });

  it('never spans a non-ASCII character', () => {
    expect(needleOf('Jürgen.exe', false)).toBe('rgen.exe');
  });

  it('lower-cases the needle', () => {
    expect(needleOf('WinVNC.EXE', false)).toBe('winvnc.exe');
  });
});

describe('conditionNeedles', () => {
  it('takes the literal of : on a verbatim field', () => {
    expect(needlesOf('process.name : "msiexec.exe"')).toEqual(['msiexec.exe']);
  });

  it('takes one needle per pattern of a list', () => {
    expect(needlesOf('process.name : ("tvnserver.exe", "winvnc.exe")')).toEqual(
      ['tvnserver.exe', 'winvnc.exe'],
    );
  });

  it('takes == in both orders, and in, like and like~', () => {
    expect(needlesOf('process.name == "cmd.exe"')).toEqual(['cmd.exe']);
    expect(needlesOf('"cmd.exe" == process.name')).toEqual(['cmd.exe']);
    expect(needlesOf('process.name in ("ab", "bcd.exe")')).toBeNull();
    expect(needlesOf('process.name in ("abc.exe", "bcd.exe")')).toEqual([
      'abc.exe',
      'bcd.exe',
    ]);
    expect(needlesOf('process.executable like~ "*\\\\temp\\\\*.exe"')).toEqual([
      'temp',
    ]);
  });

  it('takes the literal of startsWith, endsWith and stringContains', () => {
    expect(needlesOf('startsWith(process.name, "powershell")')).toEqual([
      'powershell',
    ]);
    expect(
      needlesOf('endsWith~(process.executable, "\\\\rundll32.exe")'),
    ).toEqual(['rundll32.exe']);
    expect(
      needlesOf('stringContains(process.command_line, "-encodedcommand")'),
    ).toEqual(['-encodedcommand']);
  });

  it('gives none for fields decoders derive, and for process.args', () => {
    expect(needlesOf('host.os.type == "windows"')).toBeNull();
    expect(needlesOf('event.type == "start"')).toBeNull();
    expect(needlesOf('process.args : "--config-json"')).toBeNull();
  });

  it('gives none for not, !=, not in, regex and a bare field', () => {
    expect(needlesOf('not process.name : "cmd.exe"')).toBeNull();
    expect(needlesOf('process.name != "cmd.exe"')).toBeNull();
    expect(needlesOf('process.name not in ("abc.exe")')).toBeNull();
    expect(needlesOf('process.name regex~ "cmd\\\\.exe"')).toBeNull();
  });

  it('keeps the side of an and with the longer shortest needle', () => {
    expect(
      needlesOf(
        'process.name : "cmd.exe" and process.command_line : "*certutil.exe*"',
      ),
    ).toEqual(['certutil.exe']);
    expect(
      needlesOf('event.type == "start" and process.name : "cmd.exe"'),
    ).toEqual(['cmd.exe']);
  });

  it('unites both sides of an or, and gives none when one side has none', () => {
    expect(
      needlesOf('process.name : "cmd.exe" or process.name : "wscript.exe"'),
    ).toEqual(['cmd.exe', 'wscript.exe']);
    expect(
      needlesOf('process.name : "cmd.exe" or event.type == "start"'),
    ).toBeNull();
  });

  it('drops a needle that contains another one of the set', () => {
    expect(needlesOf('process.name : ("cmd.exe", "xcmd.exe")')).toEqual([
      'cmd.exe',
    ]);
  });
});

describe('queryNeedles', () => {
  it('gives the bundled rule a needle set per stage', () => {
    expect(queryNeedles(parseQuery(RMM_AFTER_MSI))).toEqual([
      ['msiexec.exe'],
      [
        'screenconnect.clientservice.exe',
        'syncro.installer.exe',
        'tvnserver.exe',
        'winvnc.exe',
      ],
    ]);
  });

  it('includes the until stage', () => {
    const query = parseQuery(
      'sequence [process where process.name : "cmd.exe"] ' +
        '[process where true] until [process where process.name : "x.exe"]',
    );
    expect(queryNeedles(query)).toEqual([['cmd.exe'], null, ['x.exe']]);
  });
});
