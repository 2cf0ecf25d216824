/**
 * Parses an IPv4 or IPv6 address into its bytes (4 or 16), or null. An
 * IPv4-mapped IPv6 address (`::ffff:10.0.0.1`) gives the IPv4 bytes, as
 * Elasticsearch's `ip` type stores it. A zone (`%eth0`) is ignored.
 */
export function parseIp(text: string): Uint8Array | null {
  const address = text.trim().replace(/%.*$/, '');
  if (address.includes(':')) return parseIpv6(address);
  return parseIpv4(address);
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i] as string;
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    bytes[i] = Number(part);
  }
  return bytes;
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = parseGroups(halves[0] as string);
  const tail = halves.length === 2 ? parseGroups(halves[1] as string) : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    bytes[2 * i] = group >> 8;
    bytes[2 * i + 1] = group & 0xff;
  });
  return isIpv4Mapped(bytes) ? bytes.slice(12) : bytes;
}

function parseGroups(text: string): number[] | null {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    if (i === parts.length - 1 && part.includes('.')) {
      const v4 = parseIpv4(part);
      if (!v4) return null;
      groups.push(((v4[0] as number) << 8) | (v4[1] as number));
      groups.push(((v4[2] as number) << 8) | (v4[3] as number));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return null;
    }
  }
  return groups;
}

function isIpv4Mapped(bytes: Uint8Array): boolean {
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

/**
 * A canonical key for an IP address written as text, or null when the
 * text is not one. Two spellings of the same address (`::1` and
 * `0:0:0:0:0:0:0:1`, or `::ffff:10.0.0.1` and `10.0.0.1`) share a key, as
 * they do in an Elasticsearch `ip` field.
 */
export function ipKey(text: string): string | null {
  if (text.length > 64 || !/^[0-9a-fA-F:.%]/.test(text)) return null;
  if (!text.includes('.') && !text.includes(':')) return null;
  const bytes = parseIp(text);
  return bytes ? bytes.join('.') : null;
}
