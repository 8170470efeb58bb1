/**
 * Prisma-level default generators: uuid() (v4), uuid(7), cuid(), cuid(2), nanoid(n) and ulid(). Prisma's engine
 * fills these in the client, not the database, and so do we.
 */
import { createRequire } from 'node:module';

// node:crypto costs ~12 ms to load, a third of the client's cold start: it loads on the first generated id, and
// apps whose schemas have no uuid()/cuid()/nanoid()/ulid() default never load it.
type Crypto = typeof import('node:crypto');
let loaded: Crypto | undefined;
const nodeCrypto = (): Crypto => (loaded ??= createRequire(import.meta.url)('node:crypto') as Crypto);
const randomBytes = (size: number): Buffer => nodeCrypto().randomBytes(size);

export const uuid4 = (): string => nodeCrypto().randomUUID();

export function uuid7(): string {
  const b = randomBytes(16);
  const ms = Date.now();
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const ULID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function ulid(): string {
  let ms = Date.now();
  let time = '';
  for (let i = 0; i < 10; i++) {
    time = ULID_ALPHABET[ms % 32]! + time;
    ms = Math.floor(ms / 32);
  }
  const r = randomBytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ULID_ALPHABET[r[i]! & 31];
  return time + rand;
}

const NANOID_ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';
export function nanoid(size = 21): string {
  const r = randomBytes(size);
  let id = '';
  for (let i = 0; i < size; i++) id += NANOID_ALPHABET[r[i]! & 63];
  return id;
}

let cuidCounter = Math.floor(Math.random() * 1679616);
const fingerprint = (process.pid.toString(36) + Math.floor(Math.random() * 1679616).toString(36)).padStart(4, '0').slice(-4);
/** cuid v1: `c` + timestamp + counter + fingerprint + random, base 36, 25 characters. */
export function cuid(): string {
  cuidCounter = (cuidCounter + 1) % 1679616;
  const pad = (s: string, n: number): string => s.padStart(n, '0').slice(-n);
  const random = pad(randomBytes(6).readUIntBE(0, 6).toString(36), 8);
  return 'c' + Date.now().toString(36) + pad(cuidCounter.toString(36), 4) + fingerprint + random;
}

/** cuid2: a letter, then a SHA3-512 hash of time, entropy and a counter, in base 36 (24 characters). */
export function cuid2(): string {
  cuidCounter = (cuidCounter + 1) % 1679616;
  const letter = String.fromCharCode(97 + Math.floor(Math.random() * 26));
  const input = Date.now().toString(36) + randomBytes(32).toString('hex') + cuidCounter.toString(36) + fingerprint;
  const hash = BigInt('0x' + nodeCrypto().createHash('sha3-512').update(input).digest('hex')).toString(36);
  return letter + hash.slice(1, 24);
}
