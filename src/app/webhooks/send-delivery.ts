import { deliveryHeaders, type Signer } from '../../domain/webhooks/signature.js';

export interface OutgoingDelivery {
  readonly deliveryId: string;
  readonly eventType: string;
  readonly url: string;
  readonly secret: string;
  /** The JSON body, sent byte for byte as stored (the signature covers it). */
  readonly body: string;
}

export type SendResult =
  | { readonly ok: true; readonly statusCode: number }
  | { readonly ok: false; readonly statusCode: number | null; readonly error: string };

const MAX_ERROR_CHARS = 500;

/** The first bytes of a response body, for the delivery log; the rest is discarded. */
async function bodySnippet(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < MAX_ERROR_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } catch {
    // a body cut short still leaves what was read
  } finally {
    void reader.cancel().catch(() => undefined);
  }
  return new TextDecoder().decode(Buffer.concat(chunks)).slice(0, MAX_ERROR_CHARS);
}

function describeError(e: unknown, timedOut: boolean): string {
  if (timedOut) return 'timed out';
  if (!(e instanceof Error)) return String(e);
  const cause = (e as { cause?: unknown }).cause;
  const detail =
    cause instanceof Error ? `${(cause as { code?: string }).code ?? cause.name}: ${cause.message}` : '';
  return (detail ? `${e.message} (${detail})` : e.message).slice(0, MAX_ERROR_CHARS);
}

/** One POST of one delivery: 2xx is success; any other status, a network error or a timeout is a failure. */
export async function sendDelivery(
  fetchFn: typeof fetch,
  sign: Signer,
  d: OutgoingDelivery,
  nowMs: number,
  timeoutMs: number,
): Promise<SendResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await fetchFn(d.url, {
      method: 'POST',
      headers: deliveryHeaders(sign, d, nowMs),
      body: d.body,
      redirect: 'manual',
      signal: controller.signal,
    });
    if (res.status >= 200 && res.status < 300) {
      void res.body?.cancel().catch(() => undefined);
      return { ok: true, statusCode: res.status };
    }
    const snippet = await bodySnippet(res);
    const error = `HTTP ${res.status}${snippet ? `: ${snippet}` : ''}`.slice(0, MAX_ERROR_CHARS);
    return { ok: false, statusCode: res.status, error };
  } catch (e) {
    return { ok: false, statusCode: null, error: describeError(e, timedOut) };
  } finally {
    clearTimeout(timer);
  }
}
