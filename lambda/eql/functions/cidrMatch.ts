import { toText } from '../compiler/values';
import type { FunctionSpec } from './FunctionSpec';
import { parseIp } from './ipAddress';

/** A parsed CIDR block: network bytes and prefix length in bits. */
export interface CidrBlock {
  readonly network: Uint8Array;
  readonly prefix: number;
}

/**
 * Parses `10.0.0.0/8`, `fe80::/10` or a bare address (a block of one), or
 * returns null when the text is not a CIDR block.
 */
export function parseCidr(text: string): CidrBlock | null {
  const [address, bits, extra] = text.split('/');
  if (address === undefined || extra !== undefined) return null;
  const network = parseIp(address);
  if (!network) return null;
  const width = network.length * 8;
  if (bits === undefined) return { network, prefix: width };
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > width) return null;
  return { network, prefix: Number(bits) };
}

/** True when `address` (parsed) lies inside `block`. */
export function isInBlock(address: Uint8Array, block: CidrBlock): boolean {
  if (address.length !== block.network.length) return false;
  let remaining = block.prefix;
  for (let i = 0; remaining > 0; i++, remaining -= 8) {
    const mask = remaining >= 8 ? 0xff : (0xff << (8 - remaining)) & 0xff;
    const a = address[i] as number;
    const b = block.network[i] as number;
    if ((a & mask) !== (b & mask)) return false;
  }
  return true;
}

const NO_OPTIONS = { caseInsensitive: false, floatLiterals: [] };

const cidrCache = new Map<string, CidrBlock | null>();

function cachedCidr(text: string): CidrBlock | null {
  let block = cidrCache.get(text);
  if (block === undefined) {
    block = parseCidr(text);
    if (cidrCache.size > 10_000) cidrCache.clear();
    cidrCache.set(text, block);
  }
  return block;
}

/**
 * `cidrMatch(ip, block, ...)`: true when the address is in any block. The
 * blocks must be literals (checked when the query loads); a null address
 * or block gives null, and text that is not an address gives false.
 */
export const cidrMatchFunction: FunctionSpec = {
  name: 'cidrMatch',
  usage: 'cidrMatch(ip, cidr_block, ...)',
  params: ['string', 'string'],
  required: 2,
  variadic: true,
  hasInsensitiveForm: false,
  literalOnly: [1],
  returns: 'boolean',
  asFieldQuery: (literals) => (value) =>
    cidrMatchFunction.apply([value, ...literals], NO_OPTIONS) === true,
  checkLiteral: (value, index) =>
    index === 0 || value === null || parseCidr(String(value)) !== null
      ? null
      : `${JSON.stringify(value)} is not a CIDR block`,
  apply: (args) => {
    const text = toText(args[0] ?? null);
    if (text === null || args.slice(1).some((a) => a === null)) return null;
    const address = parseIp(text);
    if (!address) return false;
    return args.slice(1).some((arg) => {
      const block = cachedCidr(String(arg));
      return block !== null && isInBlock(address, block);
    });
  },
};
