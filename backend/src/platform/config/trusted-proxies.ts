import { isIP } from 'node:net';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `TRUSTED_PROXIES` as the list Express's `trust proxy` setting takes. */
export function parseTrustedProxies(value: string): string[] {
  return value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/**
 * What is wrong with a `TRUSTED_PROXIES` value, or undefined: every entry must be an IP address, a
 * CIDR range (`10.0.0.0/8`, `fd00::/8`) or one of Express's names `loopback`, `linklocal`, `uniquelocal`.
 */
export function trustedProxiesProblem(value: string): string | undefined {
  const entries = parseTrustedProxies(value);
  if (entries.length === 0) return 'at least one address, range or name is needed (default: loopback)';
  const bad = entries.filter((entry) => !isProxyEntry(entry));
  return bad.length > 0 ? `not an IP address, CIDR range, loopback, linklocal or uniquelocal: ${bad.join(', ')}` : undefined;
}

function isProxyEntry(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
