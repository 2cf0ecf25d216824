import type { Random } from './createRandom';

/** A random IPv4 address in the /8 that starts with `first`. */
export function randomIpv4(random: Random, first: number): string {
  const octet = () => Math.floor(random.next() * 256);
  return `${first}.${octet()}.${octet()}.${octet()}`;
}
