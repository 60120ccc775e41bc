/**
 * A throwaway certificate authority and a server certificate for 127.0.0.1 / localhost, made at test
 * time with node:crypto alone (Node can sign but has no X.509 builder, so the DER is assembled here;
 * this avoids a devDependency and an `openssl` binary that CI might lack). The CA is only ever handed
 * to the client under test through its options: nothing changes the process's trust store or turns
 * TLS verification off.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isIPv4 } from 'node:net';

export interface TestTls {
  /** PEM of the CA that signed `cert`: what the client must trust. */
  ca: string;
  /** PEM of the server certificate (SAN: IP 127.0.0.1, DNS localhost). */
  cert: string;
  /** PEM (PKCS#8) of the server's private key. */
  key: string;
}

export function makeTestTls(hosts: { ips?: string[]; dns?: string[] } = {}): TestTls {
  const ips = hosts.ips ?? ['127.0.0.1'];
  const dns = hosts.dns ?? ['localhost'];
  const caKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const serverKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const caName = name('Whisper Desk test CA');
  const caSpki = caKeys.publicKey.export({ type: 'spki', format: 'der' });
  const ca = certificate({
    issuer: caName,
    subject: caName,
    spki: caSpki,
    signer: caKeys.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq(boolean(true))),
      extension('2.5.29.15', true, keyUsage(0x06)), // keyCertSign, cRLSign
      extension('2.5.29.14', false, octetString(keyId(caSpki))),
    ],
  });
  const serverSpki = serverKeys.publicKey.export({ type: 'spki', format: 'der' });
  const altNames = [...ips.map((ip) => tlv(0x87, ipv4Bytes(ip))), ...dns.map((host) => tlv(0x82, Buffer.from(host, 'ascii')))];
  const cert = certificate({
    issuer: caName,
    subject: name(dns[0] ?? ips[0] ?? 'test server'),
    spki: serverSpki,
    signer: caKeys.privateKey,
    extensions: [
      extension('2.5.29.19', true, seq()),
      extension('2.5.29.15', true, keyUsage(0x80)), // digitalSignature
      extension('2.5.29.37', false, seq(oid('1.3.6.1.5.5.7.3.1'))), // serverAuth
      extension('2.5.29.17', false, seq(...altNames)),
      extension('2.5.29.35', false, seq(tlv(0x80, keyId(caSpki)))),
    ],
  });
  return {
    ca: pem('CERTIFICATE', ca),
    cert: pem('CERTIFICATE', cert),
    key: serverKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

const ECDSA_WITH_SHA256 = () => seq(oid('1.2.840.10045.4.3.2'));

function certificate(parts: { issuer: Buffer; subject: Buffer; spki: Buffer; signer: KeyObject; extensions: Buffer[] }): Buffer {
  const now = Date.now();
  const serial = randomBytes(12);
  // Positive and minimal (DER refuses a leading zero byte that is not needed): first byte 0x01-0x7f.
  serial[0] = (serial[0]! & 0x7f) | 0x01;
  const tbs = seq(
    tlv(0xa0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ECDSA_WITH_SHA256(),
    parts.issuer,
    seq(utcTime(new Date(now - 60 * 60_000)), utcTime(new Date(now + 24 * 60 * 60_000))),
    parts.subject,
    parts.spki,
    tlv(0xa3, seq(...parts.extensions)),
  );
  // node:crypto signs ECDSA as a DER Ecdsa-Sig-Value, which is what X.509 wants.
  const signature = sign('sha256', tbs, parts.signer);
  return seq(tbs, ECDSA_WITH_SHA256(), bitString(signature, 0));
}

function tlv(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: Buffer;
  if (length < 0x80) header = Buffer.from([tag, length]);
  else {
    const bytes: number[] = [];
    for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
    header = Buffer.from([tag, 0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([header, content]);
}

const seq = (...items: Buffer[]) => tlv(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tlv(0x31, Buffer.concat(items));
const boolean = (value: boolean) => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));
const octetString = (bytes: Buffer) => tlv(0x04, bytes);
const utf8 = (text: string) => tlv(0x0c, Buffer.from(text, 'utf8'));

function integer(bytes: Buffer): Buffer {
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

function bitString(bytes: Buffer, unusedBits: number): Buffer {
  return tlv(0x03, Buffer.concat([Buffer.from([unusedBits]), bytes]));
}

/** A one-byte KeyUsage BIT STRING, trailing zero bits dropped as DER requires. */
function keyUsage(bits: number): Buffer {
  let unused = 0;
  while (unused < 7 && !(bits & (1 << unused))) unused += 1;
  return bitString(Buffer.from([bits]), unused);
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
  const bytes = [first * 40 + second];
  for (const arc of rest) {
    const chunk = [arc & 0x7f];
    for (let value = Math.floor(arc / 128); value > 0; value = Math.floor(value / 128)) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(0x06, Buffer.from(bytes));
}

function utcTime(date: Date): Buffer {
  const two = (n: number) => String(n).padStart(2, '0');
  const text = `${two(date.getUTCFullYear() % 100)}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`;
  return tlv(0x17, Buffer.from(text, 'ascii'));
}

function name(commonName: string): Buffer {
  return seq(set(seq(oid('2.5.4.3'), utf8(commonName))));
}

function extension(id: string, critical: boolean, value: Buffer): Buffer {
  return seq(oid(id), ...(critical ? [boolean(true)] : []), octetString(value));
}

/** Subject key identifier: SHA-1 of the whole SPKI (RFC 7093 allows any stable hash of the key). */
function keyId(spki: Buffer): Buffer {
  return createHash('sha1').update(spki).digest();
}

function ipv4Bytes(ip: string): Buffer {
  if (!isIPv4(ip)) throw new Error(`test certificate: only IPv4 addresses are supported, not ${ip}`);
  return Buffer.from(ip.split('.').map(Number));
}

function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
