/**
 * A seeded pseudo-random source for the synthetic exports: numbers in [0, 1)
 * and random bytes as hex or base64, all from one seed, so a file can be
 * rebuilt exactly. Bytes come from a pool refilled a block at a time, which
 * keeps a million events' worth of GUIDs and hashes cheap to make.
 */
export interface Random {
  next(): number;
  pick<T>(items: readonly T[]): T;
  hex(bytes: number): string;
  base64(bytes: number): string;
  guid(): string;
  digits(count: number): string;
}

const POOL_BYTES = 1 << 16;

/** Creates a generator (mulberry32) seeded with `seed`. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const pool = Buffer.alloc(POOL_BYTES);
  const words = new Uint32Array(pool.buffer, pool.byteOffset, POOL_BYTES / 4);
  let used = POOL_BYTES;
  const take = (bytes: number): number => {
    if (used + bytes > POOL_BYTES) {
      for (let i = 0; i < words.length; i += 1) words[i] = nextUint32();
      used = 0;
    }
    const start = used;
    used += bytes;
    return start;
  };
  const random: Random = {
    next: () => nextUint32() / 4294967296,
    pick: (items) => items[Math.floor(random.next() * items.length)] as never,
    hex: (bytes) => {
      const start = take(bytes);
      return pool.toString('hex', start, start + bytes);
    },
    base64: (bytes) => {
      const start = take(bytes);
      return pool.toString('base64', start, start + bytes);
    },
    digits: (count) => {
      let text = '';
      for (let i = 0; i < count; i += 1) {
        text += Math.floor(random.next() * 10);
      }
      return text;
    },
    guid: () => {
      const hex = random.hex(16);
      const parts = [
        [0, 8],
        [8, 12],
        [12, 16],
        [16, 20],
        [20, 32],
      ];
      return parts.map(([from, to]) => hex.slice(from, to)).join('-');
    },
  };
  return random;
}
