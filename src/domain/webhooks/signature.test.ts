import { describe, expect, it } from 'vitest';
import {
  deliveryHeaders,
  parseSignatureHeader,
  signatureHeader,
  signedContent,
  verifySignature,
  type Signer,
} from './signature.js';

// A stand-in for HMAC (the real one is tested in src/app/webhooks/hmac.test.ts): 64 hex chars from both inputs.
const fakeSign: Signer = (secret, content) => {
  let h = 0;
  for (const ch of `${secret}\u0000${content}`) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
};

describe('webhook signatures', () => {
  const body = '{"id":"evt_1","type":"tier.changed"}';

  it('signs "<t>.<body>" and puts t and v1 in the header', () => {
    expect(signedContent(1700000000, body)).toBe(`1700000000.${body}`);
    const header = signatureHeader(fakeSign, 'whsec_x', 1700000000, body);
    expect(header).toBe(`t=1700000000,v1=${fakeSign('whsec_x', `1700000000.${body}`)}`);
    expect(parseSignatureHeader(header)).toEqual({
      timestamp: 1700000000,
      signatures: [fakeSign('whsec_x', `1700000000.${body}`)],
    });
  });

  it('verifies within the tolerance and refuses stale, tampered, foreign or malformed signatures', () => {
    const t = 1700000000;
    const header = signatureHeader(fakeSign, 'whsec_x', t, body);
    expect(verifySignature(fakeSign, 'whsec_x', header, body, t + 299)).toEqual({ ok: true, timestamp: t });
    expect(verifySignature(fakeSign, 'whsec_x', header, body, t - 299).ok).toBe(true);
    expect(verifySignature(fakeSign, 'whsec_x', header, body, t + 301)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifySignature(fakeSign, 'whsec_x', header, `${body} `, t)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifySignature(fakeSign, 'whsec_other', header, body, t).ok).toBe(false);
    expect(verifySignature(fakeSign, 'whsec_x', 'v1=abc', body, t)).toEqual({
      ok: false,
      reason: 'malformed',
    });
    // A header carrying an extra (rotated) signature still verifies with either.
    const rotated = `${header},v1=${'0'.repeat(64)}`;
    expect(verifySignature(fakeSign, 'whsec_x', rotated, body, t).ok).toBe(true);
  });

  it('sends the event type, the delivery id as idempotency key, JSON content type and a signature', () => {
    const h = deliveryHeaders(
      fakeSign,
      { deliveryId: 'dlv_1', eventType: 'tag.added', secret: 's', body },
      1700000000999,
    );
    expect(h['content-type']).toBe('application/json');
    expect(h['Stratum-Event']).toBe('tag.added');
    expect(h['Idempotency-Key']).toBe('dlv_1');
    expect(h['Stratum-Signature']).toMatch(/^t=1700000000,v1=[0-9a-f]{64}$/);
  });
});
