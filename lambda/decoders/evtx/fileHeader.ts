import { crc32 } from './crc32';

/** Size of the file header block that precedes the first chunk. */
export const FILE_HEADER_SIZE = 4096;

const FILE_SIGNATURE = Buffer.from('ElfFile\0', 'latin1');

/** What is wrong with a file header, if anything. */
export interface FileHeaderCheck {
  /** False when the bytes are not an EVTX file header at all. */
  readonly isEvtx: boolean;
  /** Problems worth reporting; reading may go on when `isEvtx` holds. */
  readonly problems: readonly string[];
}

/** True when the bytes begin with the EVTX file signature. */
export function hasEvtxSignature(head: Uint8Array): boolean {
  return (
    head.length >= FILE_SIGNATURE.length &&
    FILE_SIGNATURE.equals(head.subarray(0, FILE_SIGNATURE.length))
  );
}

/**
 * Checks the 4096-byte file header: the signature, and the CRC-32 of its
 * first 120 bytes stored at offset 124. A wrong checksum is a problem to
 * report, not a reason to stop: the chunks carry their own checksums.
 */
export function checkFileHeader(header: Buffer): FileHeaderCheck {
  if (!hasEvtxSignature(header)) {
    return { isEvtx: false, problems: ['no ElfFile signature'] };
  }
  if (header.length < FILE_HEADER_SIZE) {
    return {
      isEvtx: false,
      problems: [`file ends ${header.length} bytes into its header`],
    };
  }
  const stored = header.readUInt32LE(124);
  const computed = crc32(header, 0, 120);
  if (stored === computed) return { isEvtx: true, problems: [] };
  const hex = (value: number) => `0x${value.toString(16).padStart(8, '0')}`;
  return {
    isEvtx: true,
    problems: [
      `file header checksum ${hex(stored)} does not match its content ` +
        `(${hex(computed)}); reading the chunks anyway`,
    ],
  };
}
