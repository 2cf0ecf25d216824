import { beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../bench/createRandom';
import { renderM365Line as render } from '../../bench/renderM365Line';
import type { Predicate } from '../../lambda/eql/CompiledQuery';
import {
  BACKGROUND,
  decodeWith,
  detectedFormat,
  GUEST_LINK,
  GUEST_SESSION,
  HOST,
  INSTALL,
  loadStageFilters,
  NEAR_MISS,
  onlyEvent,
  STAGE_ONE_TIME,
  STAGE_TWO_TIME,
} from './benchShapes';

const FORMAT = 'm365-defender';
// Defender names a device by 40 hex digits: the host's 32, then its first 8.
const DEVICE_ID = '3f9a2c1e7b4d4e8fa1c25d6e7f809a1b3f9a2c1e';

describe('renderM365Line', () => {
  let stages: readonly Predicate[] = [];
  beforeAll(async () => {
    stages = await loadStageFilters();
  });

  it('renders the msiexec install as a first-stage process start', () => {
    const line = render(STAGE_ONE_TIME, HOST, INSTALL, createRandom(1));
    expect(line).toMatch(/"Timestamp":"2026-01-05T08:00:01\.250\d{4}Z"/);
    expect(line).toContain('"category":"AdvancedHunting-DeviceProcessEvents"');
    expect(line).toContain('"ActionType":"ProcessCreated"');
    const event = onlyEvent(decodeWith(FORMAT, line));
    expect(event['@timestamp']).toBe('2026-01-05T08:00:01.250Z');
    expect(event.host).toMatchObject({
      id: DEVICE_ID,
      os: { type: 'windows' },
    });
    expect(event.event).toMatchObject({ type: ['start'] });
    expect(event.process).toMatchObject({
      name: 'msiexec.exe',
      args: [
        'C:\\Windows\\System32\\msiexec.exe',
        '/i',
        'C:\\Users\\4f2a\\Downloads\\a1b2c3.msi',
        '/qn',
      ],
      parent: { name: 'explorer.exe' },
    });
    expect(stages[0]?.(event)).toBe(true);
  });

  it('renders the guest link as a second-stage start on the same host', () => {
    const random = createRandom(2);
    const line = render(STAGE_TWO_TIME, HOST, GUEST_SESSION, random);
    const event = onlyEvent(decodeWith(FORMAT, line));
    expect(event['@timestamp']).toBe('2026-01-05T08:00:31.250Z');
    expect(event.host).toMatchObject({
      id: DEVICE_ID,
      os: { type: 'windows' },
    });
    expect(event.process).toMatchObject({
      name: 'ScreenConnect.ClientService.exe',
      args: [
        'C:\\Program Files (x86)\\ScreenConnect Client (0a1b2c3d4e5f6a7b)\\ScreenConnect.ClientService.exe',
        GUEST_LINK,
      ],
    });
    expect(stages[1]?.(event)).toBe(true);
  });

  it('renders background as records of other tables or plain starts', () => {
    const random = createRandom(3);
    const kinds = { skipped: 0, event: 0 };
    for (let i = 0; i < 40; i += 1) {
      const line = render(STAGE_ONE_TIME, HOST, BACKGROUND, random);
      const results = decodeWith(FORMAT, line);
      if (results[0]?.kind === 'skipped') {
        kinds.skipped += 1;
        continue;
      }
      const event = onlyEvent(results);
      expect(event.process).toMatchObject({ name: 'svchost.exe' });
      expect(stages.some((stage) => stage(event))).toBe(false);
      kinds.event += 1;
    }
    expect(kinds.skipped).toBeGreaterThan(5);
    expect(kinds.event).toBeGreaterThan(5);
  });

  it('is recognised as its format when it opens an export', () => {
    const random = createRandom(5);
    const lines = Array.from({ length: 5 }, () =>
      render(STAGE_ONE_TIME, HOST, BACKGROUND, random),
    );
    expect(detectedFormat(lines)).toBe(FORMAT);
  });

  it('keeps a near miss a process start that no stage takes', () => {
    const random = createRandom(4);
    for (let i = 0; i < 20; i += 1) {
      const line = render(STAGE_ONE_TIME, HOST, NEAR_MISS, random);
      const event = onlyEvent(decodeWith(FORMAT, line));
      expect(event.process).toMatchObject({ parent: { name: 'msiexec.exe' } });
      expect(stages.some((stage) => stage(event))).toBe(false);
    }
  });
});
