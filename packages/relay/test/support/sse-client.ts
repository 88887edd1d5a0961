/**
 * A small Server-Sent Events client for tests, built on fetch and a stream reader. It parses the
 * stream as the WHATWG spec says (fields, comments, `retry`, dispatch on a blank line) and keeps
 * everything it saw so tests can assert on comments and `retry` as well as on events.
 */

/** One dispatched SSE event. */
export interface SseEvent {
  /** The `lastEventId` after this event (the `id:` field, or the previous one). */
  readonly id: string;
  /** The `event:` name (`message` when absent). */
  readonly event: string;
  /** The `data:` lines joined with `\n`. */
  readonly data: string;
}

/** An open (or refused) SSE connection. */
export interface SseConnection {
  /** The HTTP status of the response. */
  readonly status: number;
  /** The response headers. */
  readonly headers: Headers;
  /** The body of a non-200 response, parsed as JSON. */
  readonly errorBody: unknown;
  /** Every event dispatched so far, in order. */
  readonly events: SseEvent[];
  /** Every comment line so far (without the leading colon and space). */
  readonly comments: string[];
  /** The last `retry:` value, if any. */
  readonly retry: number | undefined;
  /** Resolves when the server ends the stream (or it is closed). */
  readonly ended: Promise<void>;
  /** Waits for the next event matching `predicate` that has not yet been taken. */
  nextEvent(predicate?: (event: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  /** Waits until a comment equal to `text` has arrived. */
  waitForComment(text: string, timeoutMs?: number): Promise<void>;
  /** Aborts the connection. */
  close(): void;
}

/** Opens an SSE stream with fetch; resolves once the response headers arrived. */
export async function openSse(
  url: string,
  headers: Record<string, string> = {},
): Promise<SseConnection> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  let retry: number | undefined;
  let taken = 0;
  let listeners: (() => void)[] = [];
  const notify = (): void => {
    const current = listeners;
    listeners = [];
    for (const listener of current) listener();
  };

  let errorBody: unknown;
  let ended: Promise<void>;
  if (response.status !== 200 || !response.body) {
    const text = await response.text();
    try {
      errorBody = JSON.parse(text);
    } catch {
      errorBody = text;
    }
    ended = Promise.resolve();
  } else {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    let lastEventId = '';
    let eventName = '';
    let data: string[] = [];
    const processLine = (line: string): void => {
      if (line === '') {
        if (data.length > 0) {
          events.push({ id: lastEventId, event: eventName || 'message', data: data.join('\n') });
        }
        data = [];
        eventName = '';
        return;
      }
      if (line.startsWith(':')) {
        comments.push(line.slice(1).replace(/^ /, ''));
        return;
      }
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'data') data.push(value);
      else if (field === 'event') eventName = value;
      else if (field === 'id' && !value.includes('\0')) lastEventId = value;
      else if (field === 'retry' && /^\d+$/.test(value)) retry = Number(value);
    };
    ended = (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          pending += value;
          const lines = pending.split(/\r\n|\r|\n/);
          pending = lines.pop() ?? '';
          for (const line of lines) processLine(line);
          notify();
        }
      } catch {
        // Aborted by close(), or the server cut the connection: both simply end the stream.
      } finally {
        notify();
      }
    })();
  }
  let isEnded = false;
  void ended.then(() => {
    isEnded = true;
    notify();
  });

  const waitFor = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)),
        timeoutMs,
      );
      const attempt = (): void => {
        const found = check();
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        } else if (isEnded) {
          clearTimeout(timer);
          reject(new Error(`the stream ended while waiting for ${what}`));
        } else {
          listeners.push(attempt);
        }
      };
      attempt();
    });

  return {
    status: response.status,
    headers: response.headers,
    errorBody,
    events,
    comments,
    get retry() {
      return retry;
    },
    ended,
    nextEvent(predicate = () => true, timeoutMs = 5000) {
      return waitFor(
        () => {
          for (let index = taken; index < events.length; index += 1) {
            const event = events[index];
            if (event && predicate(event)) {
              taken = index + 1;
              return event;
            }
          }
          return undefined;
        },
        timeoutMs,
        'an event',
      );
    },
    waitForComment(text, timeoutMs = 5000) {
      return waitFor(
        () => (comments.includes(text) ? true : undefined),
        timeoutMs,
        `": ${text}"`,
      ).then(() => undefined);
    },
    close() {
      controller.abort();
    },
  };
}
