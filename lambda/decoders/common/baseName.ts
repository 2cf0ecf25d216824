/**
 * The last part of a Windows or POSIX path (`msiexec.exe` from
 * `\Device\HarddiskVolume3\Windows\System32\msiexec.exe`), or undefined for
 * an empty path. A path ending in a separator gives undefined.
 */
export function baseName(path: string | undefined): string | undefined {
  if (path === undefined || path === '') return undefined;
  const cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
  const name = path.slice(cut + 1);
  return name === '' ? undefined : name;
}
