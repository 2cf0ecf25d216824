import type { Random } from './createRandom';
import type { ProcessShape, RenderLine } from './generateExport';
import { quoteArg } from './quoteArg';

/**
 * A process start as CrowdStrike Falcon Data Replicator writes it: a flat
 * `ProcessRollup2` record whose values are all strings, with the image as
 * a device path and the host as a sensor id (`aid`, 32 hex digits).
 */
export const renderFdrLine: RenderLine = (
  time: number,
  hostId: string,
  shape: ProcessShape,
  random: Random,
): string => {
  const aid = hostId.replaceAll('-', '');
  return JSON.stringify({
    CommandLine: shape.args.map(quoteArg).join(' '),
    ConfigBuild: '1007.3.0019206.1',
    ConfigStateHash: random.digits(10),
    EffectiveTransmissionClass: '3',
    Entitlements: '15',
    ImageFileName: toDevicePath(shape.executable),
    ImageSubsystem: '2',
    IntegrityLevel: '12288',
    MD5HashData: random.hex(16),
    ParentAuthenticationId: '999',
    ParentBaseFileName: shape.parentName,
    ParentProcessId: random.digits(12),
    ProcessCreateFlags: '1024',
    ProcessParameterFlags: '16385',
    ProcessStartTime: (time / 1000).toFixed(3),
    ProcessSxsFlags: '64',
    RawProcessId: random.digits(5),
    SHA1HashData: random.hex(20),
    SHA256HashData: random.hex(32),
    SessionId: '1',
    SignInfoFlags: '8683538',
    SourceProcessId: random.digits(12),
    SourceThreadId: random.digits(15),
    Tags: random.hex(24),
    TargetProcessId: random.digits(12),
    TokenType: '1',
    UserSid: `S-1-5-21-${random.digits(10)}-${random.digits(4)}`,
    WindowFlags: '1',
    aid,
    aip: `10.${random.digits(2)}.${random.digits(2)}.${random.digits(2)}`,
    cid: 'c0ffee0000000000000000000000beef',
    event_platform: 'Win',
    event_simpleName: 'ProcessRollup2',
    id: random.guid(),
    name: 'ProcessRollup2V19',
    timestamp: String(time),
  });
};

function toDevicePath(path: string): string {
  return path.replace(/^C:/, '\\Device\\HarddiskVolume3');
}
