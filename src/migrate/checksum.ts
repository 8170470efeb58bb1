import { createHash } from 'node:crypto';

/** Prisma's migration checksum: the lowercase hex SHA-256 of the file's bytes. */
export function migrationChecksum(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Whether a stored checksum matches a file, tolerating line-ending churn (git's autocrlf) as Prisma does: the
 * file as it is, with CRLF turned into LF, and with LF turned into CRLF. Older Prisma versions stored the hex
 * without leading zeros per byte, which is accepted too.
 */
export function checksumMatches(stored: string, bytes: Uint8Array | string): boolean {
  const text = typeof bytes === 'string' ? bytes : Buffer.from(bytes).toString('utf8');
  const candidates = [
    migrationChecksum(bytes),
    migrationChecksum(text.replace(/\r\n/g, '\n')),
    migrationChecksum(text.replace(/\r\n/g, '\n').replace(/\n/g, '\r\n')),
  ];
  const want = stored.trim().toLowerCase();
  return candidates.some((c) => c === want || unpadded(c) === want);
}

/** The legacy form: each byte's hex without its leading zero. */
function unpadded(hex: string): string {
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += parseInt(hex.slice(i, i + 2), 16).toString(16);
  return out;
}
