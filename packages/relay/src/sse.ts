/**
 * Server-Sent Events framing (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 * A field value must not contain CR or LF, or the browser would read the rest as another field.
 */

/** One SSE message: an optional `id`, an `event` name and a JSON-serialisable payload. */
export interface SseMessage {
  /** Becomes the client's `lastEventId`; omit it for control messages that must not move it. */
  readonly id?: string;
  /** The `event:` name, which `EventSource#addEventListener(name, …)` listens to. */
  readonly event: string;
  /** Serialised with `JSON.stringify`, which never emits a raw line break. */
  readonly data: unknown;
}

const LINE_BREAK = /[\r\n]/;

/** Serialises one message, ending with the blank line that dispatches it. */
export function sseFrame(message: SseMessage): string {
  const data = JSON.stringify(message.data);
  for (const [field, value] of [
    ['id', message.id],
    ['event', message.event],
  ] as const) {
    if (value !== undefined && (LINE_BREAK.test(value) || value.includes('\0'))) {
      throw new TypeError(`sseFrame: the ${field} field must not contain CR, LF or NUL.`);
    }
  }
  return `${message.id === undefined ? '' : `id: ${message.id}\n`}event: ${message.event}\ndata: ${data}\n\n`;
}

/** A comment line: clients ignore it, proxies see traffic and keep the connection open. */
export function sseComment(text: string): string {
  return `: ${text.replace(/[\r\n]+/g, ' ')}\n\n`;
}

/** Tells `EventSource` how long to wait before reconnecting after the stream drops. */
export function sseRetry(milliseconds: number): string {
  return `retry: ${Math.max(0, Math.round(milliseconds))}\n\n`;
}
