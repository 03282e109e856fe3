import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, newWebhookSecret } from './hmac.js';

describe('hmacSha256Hex', () => {
  it('is HMAC-SHA256 in lowercase hex (known vector)', () => {
    expect(hmacSha256Hex('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });

  it('makes distinct secrets of 32 base64url characters after the prefix', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});
