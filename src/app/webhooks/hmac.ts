import { createHmac, randomBytes } from 'node:crypto';
import type { Signer } from '../../domain/webhooks/signature.js';

/** HMAC-SHA256 of `content` under `secret` (both UTF-8), as lowercase hex: the Signer of every delivery. */
export const hmacSha256Hex: Signer = (secret, content) =>
  createHmac('sha256', secret).update(content, 'utf8').digest('hex');

/** A new signing secret: 24 random bytes, base64url, with a recognisable prefix. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64url')}`;
