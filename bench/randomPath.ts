import type { Random } from './createRandom';

/** Folder names Windows paths are made of, mixed with random hex ones. */
export const WORDS = [
  'Program Files',
  'Windows',
  'System32',
  'Users',
  'AppData',
  'Local',
  'Temp',
  'Microsoft',
  'Google',
  'Roaming',
  'Packages',
  'Cache',
  'Update',
  'Installer',
  'Tools',
  'bin',
];

/** A random `C:\\...` path of two to four folders, ending in `leaf`. */
export function randomPath(random: Random, leaf: string): string {
  const depth = 2 + Math.floor(random.next() * 3);
  const parts = ['C:'];
  for (let i = 0; i < depth; i += 1) {
    parts.push(random.next() < 0.6 ? random.pick(WORDS) : random.hex(4));
  }
  if (leaf !== '') parts.push(leaf);
  return parts.join('\\');
}
