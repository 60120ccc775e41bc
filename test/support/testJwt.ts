/** HS256 JWTs for the local wire fakes (TaskRouter, Voice signaling): mint, sign and compare as the real services do. */
import { createHmac, timingSafeEqual } from 'node:crypto';

export function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function sign(input: string, key: string): string {
  return createHmac('sha256', key).update(input).digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
