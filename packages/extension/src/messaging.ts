/**
 * Sending the protocol's messages to the background, and the `Transport` extension pages give
 * their `SeamClient`: each Seam call becomes a `seamCall` message, so the credentials stay in the
 * background and the elements in the panel work as they do anywhere else.
 */
import { SeamInvalidArgumentError, reviveSeamError, type Transport } from '@seam-codes/core';
import type { MessageType, Protocol } from './protocol.js';

export async function send<K extends MessageType>(
  type: K,
  payload: Protocol[K]['request'],
): Promise<Protocol[K]['response']> {
  const answer = (await browser.runtime.sendMessage({ type, payload })) as
    { result?: Protocol[K]['response']; error?: string } | undefined;
  if (!answer || answer.error !== undefined)
    throw new Error(`The extension refused ${type}: ${answer?.error ?? 'no answer'}`);
  return answer.result as Protocol[K]['response'];
}

/** A core `Transport` over runtime messaging to the background. */
export function messagingTransport(): Transport {
  return async (route, body, { signal }) => {
    if (signal?.aborted) throw signal.reason;
    const answer = await send('seamCall', { route, body });
    if (signal?.aborted) throw signal.reason;
    if (answer.ok) return answer.value;
    const error = reviveSeamError(answer.error);
    if (error instanceof Error) throw error;
    throw new SeamInvalidArgumentError(
      String(
        (answer.error as { message?: unknown })?.message ??
          'The background could not make the call.',
      ),
    );
  };
}
