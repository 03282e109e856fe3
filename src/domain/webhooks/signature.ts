/**
 * Signing of webhook deliveries: `Stratum-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`.
 * Pure: the HMAC itself is passed in as a Signer (src/app/webhooks/hmac.ts), so this file runs anywhere.
 */
export type Signer = (secret: string, content: string) => string;

export const SIGNATURE_HEADER = 'Stratum-Signature';
export const EVENT_HEADER = 'Stratum-Event';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** How far a signature's timestamp may be from the receiver's clock (either way) before it is rejected. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The text that is signed: the timestamp, a dot, and the raw body exactly as sent. */
export const signedContent = (timestamp: number, body: string): string => `${timestamp}.${body}`;

export function signatureHeader(sign: Signer, secret: string, timestamp: number, body: string): string {
  return `t=${timestamp},v1=${sign(secret, signedContent(timestamp, body))}`;
}

/** The timestamp and every v1 signature of a header (several v1 values are allowed, e.g. during a rotation). */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't' && /^\d+$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) signatures.push(value);
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/** Compares two strings in time independent of where they differ. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export type VerifyResult =
  | { readonly ok: true; readonly timestamp: number }
  | { readonly ok: false; readonly reason: 'malformed' | 'stale' | 'mismatch' };

/** What a receiver does (the same algorithm docs/webhooks.md shows in Node and Python). */
export function verifySignature(
  sign: Signer,
  secret: string,
  header: string,
  body: string,
  nowSeconds: number,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): VerifyResult {
  const parsed = parseSignatureHeader(header);
  if (!parsed) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = sign(secret, signedContent(parsed.timestamp, body));
  return parsed.signatures.some((s) => constantTimeEqual(s, expected))
    ? { ok: true, timestamp: parsed.timestamp }
    : { ok: false, reason: 'mismatch' };
}

/** Every header of one delivery attempt. */
export function deliveryHeaders(
  sign: Signer,
  delivery: { deliveryId: string; eventType: string; secret: string; body: string },
  nowMs: number,
): Record<string, string> {
  const timestamp = Math.floor(nowMs / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'stratum-webhooks/1',
    [SIGNATURE_HEADER]: signatureHeader(sign, delivery.secret, timestamp, delivery.body),
    [EVENT_HEADER]: delivery.eventType,
    [IDEMPOTENCY_HEADER]: delivery.deliveryId,
  };
}
