/**
 * The SSE parser against the examples of the WHATWG standard ("9.2.6 Interpreting an event
 * stream") and against chunk boundaries anywhere, including between CR and LF.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSseParser, type SseMessage } from '../../src/verify/index.js';

function parse(chunks: string[], lastEventId = '') {
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const retries: number[] = [];
  const parser = createSseParser(
    {
      onMessage: (message) => messages.push(message),
      onComment: (text) => comments.push(text),
      onRetry: (ms) => retries.push(ms),
    },
    lastEventId,
  );
  for (const chunk of chunks) parser.feed(chunk);
  parser.end();
  return { messages, comments, retries, lastEventId: parser.lastEventId };
}

describe('the SSE parser', () => {
  it('joins data lines, names events, keeps ids and ignores unknown fields', () => {
    const { messages } = parse([
      'data: YHOO\ndata: +2\ndata: 10\n\n',
      'event: access_code.set_on_device\nid: e1\nfoo: bar\ndata: {"a":1}\n\n',
    ]);
    expect(messages).toEqual([
      { event: 'message', data: 'YHOO\n+2\n10', lastEventId: '', hasId: false },
      { event: 'access_code.set_on_device', data: '{"a":1}', lastEventId: 'e1', hasId: true },
    ]);
  });

  it('reads the standard example: comments, an id that sticks, an empty data line', () => {
    const { messages, comments } = parse([
      ': test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n',
    ]);
    expect(comments).toEqual(['test stream']);
    expect(messages.map((message) => [message.data, message.lastEventId])).toEqual([
      ['first event', '1'],
      ['second event', ''],
      [' third event', ''],
    ]);
  });

  it('dispatches nothing for a block without data, but still takes its id', () => {
    const { messages, lastEventId } = parse(
      ['id: 7\n\n', 'data\n\ndata\ndata\n\ndata:\n'],
      'start',
    );
    expect(messages.map((message) => message.data)).toEqual(['', '\n']);
    expect(lastEventId).toBe('7');
  });

  it('drops an event cut off by the end of the stream', () => {
    const { messages, lastEventId } = parse(['data: complete\nid: a\n\ndata: cut\nid: b\n'], '');
    expect(messages.map((message) => message.data)).toEqual(['complete']);
    expect(lastEventId).toBe('a');
  });

  it('reads retry only when it is all digits, and ignores ids with NULL', () => {
    const { retries, lastEventId } = parse(
      ['retry: 3000\nretry: 3s\nid: x\u0000y\ndata: d\n\n'],
      'k',
    );
    expect(retries).toEqual([3000]);
    expect(lastEventId).toBe('k');
  });

  it('strips one leading BOM and accepts CR, LF and CRLF line ends', () => {
    const { messages } = parse(['\uFEFFdata: a\r\rdata: b\r\n\r\ndata: c\n\n']);
    expect(messages.map((message) => message.data)).toEqual(['a', 'b', 'c']);
  });

  it('gives the same events however the stream is cut into chunks', () => {
    const stream =
      'retry: 10\r\n: hi\r\nid: 1\r\nevent: e\r\ndata: x\r\n\r\ndata: y\rdata: z\r\r\nid: 2\ndata: w\n\n';
    const whole = parse([stream]);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: stream.length }), { maxLength: 12 }),
        (cuts) => {
          const points = [...new Set(cuts)].sort((a, b) => a - b);
          const chunks: string[] = [];
          let from = 0;
          for (const point of points) {
            chunks.push(stream.slice(from, point));
            from = point;
          }
          chunks.push(stream.slice(from));
          expect(parse(chunks)).toEqual(whole);
        },
      ),
    );
  });
});
