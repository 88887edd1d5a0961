/**
 * A Server-Sent Events parser, as the WHATWG HTML standard defines the `text/event-stream` format
 * ("9.2.6 Interpreting an event stream"). It is fed decoded text in chunks of any size, so it works
 * on a `fetch` body read with a stream reader: in pages, workers, service workers and Node, with
 * the headers `EventSource` cannot send (`Authorization`, `Last-Event-ID`).
 */

/** One dispatched event. */
export interface SseMessage {
  /** The `event:` field, or `message` when absent. */
  readonly event: string;
  /** The `data:` lines joined with `\n`. */
  readonly data: string;
  /** The last event id after this event: its `id:` field, or the one before. */
  readonly lastEventId: string;
  /** Whether this event carried an `id:` field itself. */
  readonly hasId: boolean;
}

/** What the parser reports besides events. */
export interface SseParserCallbacks {
  onMessage(message: SseMessage): void;
  /** A `retry:` field: the reconnection time the server asks for, in ms. */
  onRetry?(ms: number): void;
  /** A comment line (`: heartbeat`), without the colon and one leading space. */
  onComment?(text: string): void;
}

/** A streaming parser; `feed` decoded text as it arrives, `end` when the stream closes. */
export interface SseParser {
  feed(text: string): void;
  /** The stream ended: an event without its blank line is dropped, as the standard says. */
  end(): void;
  /** The last event id seen so far (to send as `Last-Event-ID` on reconnect). */
  readonly lastEventId: string;
}

/** Creates a parser that starts with `lastEventId` (the one a reconnect resumed from). */
export function createSseParser(callbacks: SseParserCallbacks, lastEventId = ''): SseParser {
  let buffer = '';
  let started = false;
  let afterCarriageReturn = false;
  let eventName = '';
  let data = '';
  let hasData = false;
  let hasId = false;
  let idBuffer = lastEventId;
  let currentId = lastEventId;

  const dispatch = (): void => {
    // The id takes effect at the blank line, even for an event without data.
    currentId = idBuffer;
    if (!hasData) {
      eventName = '';
      hasId = false;
      return;
    }
    const message: SseMessage = {
      event: eventName === '' ? 'message' : eventName,
      data,
      lastEventId: currentId,
      hasId,
    };
    eventName = '';
    data = '';
    hasData = false;
    hasId = false;
    callbacks.onMessage(message);
  };

  const processLine = (line: string): void => {
    if (line === '') {
      dispatch();
      return;
    }
    if (line.startsWith(':')) {
      callbacks.onComment?.(line.slice(1).replace(/^ /, ''));
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        eventName = value;
        break;
      case 'data':
        data = hasData ? `${data}\n${value}` : value;
        hasData = true;
        break;
      case 'id':
        // An id with U+0000 NULL is ignored (it could not be sent back in a header).
        if (!value.includes('\u0000')) {
          idBuffer = value;
          hasId = true;
        }
        break;
      case 'retry':
        if (/^\d+$/.test(value)) callbacks.onRetry?.(Number(value));
        break;
      default:
        // Unknown fields are ignored.
        break;
    }
  };

  return {
    feed(text) {
      let chunk = text;
      if (!started) {
        if (chunk === '') return;
        started = true;
        if (chunk.startsWith('\uFEFF')) chunk = chunk.slice(1);
      }
      // A CR at the end of the previous chunk already ended its line; a LF right after it belongs
      // to the same line break.
      if (afterCarriageReturn && chunk.startsWith('\n')) chunk = chunk.slice(1);
      afterCarriageReturn = false;
      buffer += chunk;
      let start = 0;
      for (let index = 0; index < buffer.length; index += 1) {
        const char = buffer[index];
        if (char !== '\n' && char !== '\r') continue;
        processLine(buffer.slice(start, index));
        if (char === '\r') {
          if (index + 1 === buffer.length) afterCarriageReturn = true;
          else if (buffer[index + 1] === '\n') index += 1;
        }
        start = index + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      buffer = '';
      idBuffer = currentId;
      eventName = '';
      data = '';
      hasData = false;
      hasId = false;
    },
    get lastEventId() {
      return currentId;
    },
  };
}
