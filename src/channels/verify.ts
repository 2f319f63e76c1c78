import { createHash, timingSafeEqual } from 'node:crypto';

/** Constant-time string equality (hashing first makes the lengths equal and hides them). */
export function safeEqual(a: string, b: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** HTTP status refusing a webhook whose shared-secret header is missing (401) or wrong (403); null when it matches. */
export function secretHeaderStatus(header: string | string[] | undefined, expected: string): 401 | 403 | null {
  if (typeof header !== 'string' || header === '') return 401;
  return safeEqual(header, expected) ? null : 403;
}

/**
 * Zalo OA signs each event: X-ZEvent-Signature = "mac=" + hex SHA-256 of
 * app_id + raw body + timestamp + OA secret key, over the exact bytes received.
 */
export function zaloOaSignature(appId: string, rawBody: Buffer, timestamp: string, secretKey: string): string {
  const mac = createHash('sha256').update(appId).update(rawBody).update(timestamp).update(secretKey).digest('hex');
  return `mac=${mac}`;
}
