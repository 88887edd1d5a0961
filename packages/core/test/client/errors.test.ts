// Error decoding against the real fake (invalid_input, 401, 404, 409, 503 outage) and local
// servers (non-JSON bodies, broken 2xx bodies), plus the error classes, their JSON forms and the
// name-based guards after a structured clone.
import type { ServerResponse } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  SeamApiError,
  SeamClient,
  SeamInvalidArgumentError,
  SeamInvalidInputError,
  SeamNetworkError,
  SeamRateLimitError,
  SeamTimeoutError,
  SeamUnauthorizedError,
  getValidationErrorMessages,
  isSeamApiError,
  isSeamInvalidArgumentError,
  isSeamInvalidInputError,
  isSeamNetworkError,
  isSeamRateLimitError,
  isSeamTimeoutError,
  isSeamUnauthorizedError,
  reviveSeamError,
} from '../../src/client/index.js';
import { sendJson, startFakeSeam, startLocalServer, type FakeSeam } from './support/servers.js';

let seam: FakeSeam;
let client: SeamClient;

beforeAll(async () => {
  seam = await startFakeSeam();
  client = SeamClient.fromApiKey(seam.seed.seam_apikey1_token, {
    endpoint: seam.endpoint,
    retry: false,
  });
});

afterAll(async () => {
  await seam.close();
});

async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('decoding Seam errors from the fake', () => {
  it('invalid_input becomes SeamInvalidInputError with per-field messages', async () => {
    // A raw call without device_id, past the client's own argument check, to see Seam's answer.
    const error = await failure(client.request('/access_codes/create', { name: 'no device' }));
    expect(error).toBeInstanceOf(SeamInvalidInputError);
    const invalid = error as SeamInvalidInputError;
    expect(invalid).toMatchObject({
      name: 'SeamInvalidInputError',
      type: 'invalid_input',
      status: 400,
      route: '/access_codes/create',
    });
    expect(invalid.message).toBe('device_id is required');
    expect(invalid.getValidationErrorMessages('device_id')).toEqual(['Required']);
    expect(invalid.getValidationErrorMessages('name')).toEqual([]);
    expect(invalid.requestId).toMatch(/\S/);
    // The fake's server stack trace is not carried over.
    expect(JSON.stringify(invalid)).not.toContain('stack');
  });

  it('401 becomes SeamUnauthorizedError', async () => {
    const error = await failure(SeamClient.withoutAuth({ endpoint: seam.endpoint }).devices.list());
    expect(error).toBeInstanceOf(SeamUnauthorizedError);
    expect(error).toMatchObject({
      status: 401,
      type: 'unauthorized',
      message: 'No Authorization header',
    });
  });

  it('404 device_not_found becomes SeamApiError with Seam type, data and request id', async () => {
    const error = await failure(client.accessCodes.generateCode({ device_id: 'no_such_device' }));
    expect(error).toBeInstanceOf(SeamApiError);
    expect(error).toMatchObject({
      name: 'SeamApiError',
      type: 'device_not_found',
      status: 404,
      route: '/access_codes/generate_code',
      data: { device_id: 'no_such_device' },
    });
    expect((error as SeamApiError).requestId).toMatch(/\S/);
  });

  it('409 duplicate_access_code becomes SeamApiError', async () => {
    await client.accessCodes.create({
      device_id: seam.seed.august_device_1,
      name: 'First',
      code: '3141',
    });
    const error = await failure(
      client.accessCodes.create({
        device_id: seam.seed.august_device_1,
        name: 'Second',
        code: '3141',
      }),
    );
    expect(error).toMatchObject({
      name: 'SeamApiError',
      type: 'duplicate_access_code',
      status: 409,
    });
  });

  it('503 from the outage route with an empty body still says what happened', async () => {
    await fetch(`${seam.endpoint}/_fake/simulate_workspace_outage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ workspace_id: seam.seed.seed_workspace_1, routes: ['/locks/get'] }),
    });
    try {
      const error = await failure(client.locks.get({ device_id: seam.seed.august_device_1 }));
      expect(error).toBeInstanceOf(SeamApiError);
      expect(error).toMatchObject({ type: 'service_unavailable', status: 503 });
      expect((error as Error).message).toMatch(
        /^Seam answered \/locks\/get with HTTP 503 .*empty body\.$/,
      );
    } finally {
      seam.fake.database.simulateWorkspaceOutageRecovery(seam.seed.seed_workspace_1);
    }
    await expect(client.locks.get({ device_id: seam.seed.august_device_1 })).resolves.toMatchObject(
      {
        device_id: seam.seed.august_device_1,
      },
    );
  });

  it('an unknown route (plain-text 404) becomes a clear SeamApiError', async () => {
    const error = await failure(client.request('/no_such/route', {}));
    expect(error).toMatchObject({ name: 'SeamApiError', type: 'not_found', status: 404 });
    expect((error as Error).message).toContain('a body that is not a Seam error ("404")');
  });
});

describe('decoding odd answers from a local server', () => {
  it('an HTML 502 from a proxy, a 429 with Retry-After, a broken 2xx body', async () => {
    const answers = [
      (response: ServerResponse) => {
        response.writeHead(502, { 'content-type': 'text/html', 'seam-request-id': 'req_502' });
        response.end('<html><body>Bad gateway</body></html>');
      },
      (response: ServerResponse) =>
        sendJson(
          response,
          429,
          { error: { type: 'rate_limited', message: 'Slow down' } },
          { 'retry-after': '7' },
        ),
      (response: ServerResponse) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"device": ');
      },
    ];
    const server = await startLocalServer((_request, response) => answers.shift()?.(response));
    try {
      const local = SeamClient.withoutAuth({ endpoint: server.endpoint, retry: false });
      const badGateway = await failure(local.devices.get({ device_id: 'd' }));
      expect(badGateway).toMatchObject({
        name: 'SeamApiError',
        type: 'bad_gateway',
        status: 502,
        requestId: 'req_502',
      });
      expect((badGateway as Error).message).toContain(
        'HTTP 502 Bad Gateway and a body that is not a Seam error',
      );

      const limited = await failure(local.devices.get({ device_id: 'd' }));
      expect(limited).toBeInstanceOf(SeamRateLimitError);
      expect(limited).toMatchObject({ status: 429, retryAfterMs: 7000, message: 'Slow down' });

      const broken = await failure(local.devices.get({ device_id: 'd' }));
      expect(broken).toMatchObject({ name: 'SeamApiError', type: 'invalid_response', status: 200 });
      expect((broken as Error).message).toMatch(/not a JSON object.*may have been acted on/);
    } finally {
      await server.close();
    }
  });

  it('a 2xx answer without the promised key is an invalid_response error', async () => {
    const server = await startLocalServer((_request, response) =>
      sendJson(response, 200, { ok: true }),
    );
    try {
      const local = SeamClient.withoutAuth({ endpoint: server.endpoint });
      const error = await failure(local.accessCodes.get({ access_code_id: 'a' }));
      expect(error).toMatchObject({ type: 'invalid_response', route: '/access_codes/get' });
      expect((error as Error).message).toContain('it has no `access_code` object');
    } finally {
      await server.close();
    }
  });

  it('a refused connection is a SeamNetworkError that was certainly not sent', async () => {
    const server = await startLocalServer(() => undefined);
    const endpoint = server.endpoint;
    await server.close();
    const error = await failure(SeamClient.withoutAuth({ endpoint, retry: false }).devices.list());
    expect(error).toBeInstanceOf(SeamNetworkError);
    expect(error).toMatchObject({ requestMayHaveBeenSent: false, route: '/devices/list' });
    expect((error as Error).message).toMatch(/ECONNREFUSED.*was not sent/);
  });

  it('a connection dropped after the request arrived may have been acted on', async () => {
    const server = await startLocalServer((_request, response) => {
      response.socket?.destroy();
    });
    try {
      const error = await failure(
        SeamClient.withoutAuth({ endpoint: server.endpoint }).accessCodes.create({
          device_id: 'd',
        }),
      );
      expect(error).toBeInstanceOf(SeamNetworkError);
      expect(error).toMatchObject({ requestMayHaveBeenSent: true });
      expect(server.requests).toHaveLength(1); // A write is not retried after it may have been sent.
    } finally {
      await server.close();
    }
  });
});

describe('argument errors before any request', () => {
  it('names the method, the parameter and the fix (async methods reject, list methods throw)', async () => {
    await expect(client.devices.get({})).rejects.toThrow(
      /devices\.get needs `device_id` or `name`/,
    );
    await expect(client.accessCodes.get({})).rejects.toThrow(
      /`access_code_id`, or both `device_id` and `code`/,
    );
    await expect(client.accessCodes.create({} as never)).rejects.toThrow(
      /accessCodes\.create needs `device_id`/,
    );
    await expect(client.accessCodes.createMultiple({ device_ids: [] })).rejects.toThrow(
      /non-empty array/,
    );
    await expect(client.actionAttempts.get({ action_attempt_id: '' })).rejects.toThrow(
      /got an empty string/,
    );
    await expect(client.devices.get({ device_id: 'x' }, { timeoutMs: -1 })).rejects.toThrow(
      /timeoutMs/,
    );
    expect(() => client.accessCodes.list({})).toThrow(/`device_id` or `access_code_ids`/);
    expect(() => client.events.list({})).toThrow(/`since`.*or `between`/);
    expect(() => client.devices.list([] as never)).toThrow(
      /one object of snake_case parameters, .*; got an array/,
    );
    expect(() => SeamClient.withoutAuth({ retry: { retries: 1.5 } })).toThrow(/whole number/);
    expect(() => SeamClient.withoutAuth({ timeoutMs: 0 })).toThrow(/above 0/);
  });

  it('are SeamInvalidArgumentError, and nothing is sent', async () => {
    const sent: Request[] = [];
    const local = SeamClient.withoutAuth({
      fetch: (request) => {
        sent.push(request);
        return Promise.resolve(new Response('{}'));
      },
    });
    const error = await failure(local.devices.get({}));
    expect(error).toBeInstanceOf(SeamInvalidArgumentError);
    expect(isSeamInvalidArgumentError(error)).toBe(true);
    expect(sent).toHaveLength(0);
  });
});

describe('error classes across realms', () => {
  const samples = () => ({
    api: new SeamApiError({
      type: 'device_not_found',
      message: 'Device not found',
      status: 404,
      requestId: 'r1',
      route: '/devices/get',
      data: { device_id: 'd' },
    }),
    invalid: new SeamInvalidInputError({
      type: 'invalid_input',
      message: 'code is invalid',
      status: 400,
      validationErrors: {
        _errors: [],
        code: { _errors: ['Too short'] },
        properties: { name: { _errors: ['Required'] } },
      },
    }),
    unauthorized: new SeamUnauthorizedError({
      type: 'unauthorized',
      message: 'Unauthorized',
      status: 401,
    }),
    rateLimit: new SeamRateLimitError({
      type: 'rate_limited',
      message: 'Slow down',
      status: 429,
      retryAfterMs: 2000,
    }),
    network: new SeamNetworkError({
      message: 'offline',
      route: '/devices/list',
      requestMayHaveBeenSent: false,
      cause: new Error('x'),
    }),
    timeout: new SeamTimeoutError({ route: '/devices/list', timeoutMs: 50 }),
    argument: new SeamInvalidArgumentError('bad'),
  });

  it('each has its name, and toJSON keeps every field', () => {
    const { api, invalid, rateLimit, network, timeout } = samples();
    expect(api.name).toBe('SeamApiError');
    expect(JSON.parse(JSON.stringify(api))).toEqual({
      name: 'SeamApiError',
      message: 'Device not found',
      type: 'device_not_found',
      status: 404,
      requestId: 'r1',
      route: '/devices/get',
      data: { device_id: 'd' },
      retryAfterMs: null,
    });
    expect(JSON.parse(JSON.stringify(invalid)).validationErrors.code).toEqual({
      _errors: ['Too short'],
    });
    expect(JSON.parse(JSON.stringify(rateLimit)).retryAfterMs).toBe(2000);
    expect(JSON.parse(JSON.stringify(network))).toEqual({
      name: 'SeamNetworkError',
      message: 'offline',
      route: '/devices/list',
      requestMayHaveBeenSent: false,
    });
    expect(JSON.parse(JSON.stringify(timeout))).toMatchObject({
      name: 'SeamTimeoutError',
      timeoutMs: 50,
      requestMayHaveBeenSent: true,
    });
  });

  it('guards recognise each error by name after a structured clone of its JSON form', () => {
    const s = samples();
    const cloned = Object.fromEntries(
      Object.entries(s).map(([key, error]) => [key, structuredClone(error.toJSON())]),
    );
    expect(cloned.api).not.toBeInstanceOf(Error);

    expect(isSeamApiError(cloned.api)).toBe(true);
    expect(isSeamApiError(cloned.invalid)).toBe(true);
    expect(isSeamApiError(cloned.unauthorized)).toBe(true);
    expect(isSeamApiError(cloned.rateLimit)).toBe(true);
    expect(isSeamApiError(cloned.network)).toBe(false);

    expect(isSeamInvalidInputError(cloned.invalid)).toBe(true);
    expect(isSeamInvalidInputError(cloned.api)).toBe(false);
    expect(isSeamUnauthorizedError(cloned.unauthorized)).toBe(true);
    expect(isSeamUnauthorizedError(cloned.api)).toBe(false);
    expect(isSeamRateLimitError(cloned.rateLimit)).toBe(true);
    expect(isSeamNetworkError(cloned.network)).toBe(true);
    expect(isSeamNetworkError(cloned.timeout)).toBe(false);
    expect(isSeamTimeoutError(cloned.timeout)).toBe(true);
    expect(isSeamInvalidArgumentError(cloned.argument)).toBe(true);

    expect(getValidationErrorMessages(cloned.invalid as never, 'code')).toEqual(['Too short']);
    expect(getValidationErrorMessages(cloned.invalid as never, 'properties.name')).toEqual([
      'Required',
    ]);
    expect(getValidationErrorMessages(cloned.invalid as never, 'missing.deeper')).toEqual([]);
  });

  it('guards accept instances and reject look-alikes', () => {
    const s = samples();
    expect(isSeamApiError(s.invalid)).toBe(true);
    expect(isSeamInvalidInputError(s.invalid)).toBe(true);
    expect(isSeamTimeoutError(s.timeout)).toBe(true);
    expect(isSeamApiError({ name: 'SeamApiError' })).toBe(false);
    expect(isSeamApiError(new Error('SeamApiError'))).toBe(false);
    expect(isSeamApiError(null)).toBe(false);
    expect(isSeamNetworkError('SeamNetworkError')).toBe(false);
  });

  it('reviveSeamError brings back instances with their methods', () => {
    const s = samples();
    const revived = reviveSeamError(structuredClone(s.invalid.toJSON()));
    expect(revived).toBeInstanceOf(SeamInvalidInputError);
    expect((revived as SeamInvalidInputError).getValidationErrorMessages('code')).toEqual([
      'Too short',
    ]);
    expect(reviveSeamError(structuredClone(s.rateLimit.toJSON()))).toBeInstanceOf(
      SeamRateLimitError,
    );
    expect(reviveSeamError(structuredClone(s.unauthorized.toJSON()))).toBeInstanceOf(
      SeamUnauthorizedError,
    );
    expect(reviveSeamError(structuredClone(s.api.toJSON()))).toMatchObject({
      data: { device_id: 'd' },
      requestId: 'r1',
    });
    expect(reviveSeamError(structuredClone(s.network.toJSON()))).toBeInstanceOf(SeamNetworkError);
    expect(reviveSeamError(structuredClone(s.timeout.toJSON()))).toBeInstanceOf(SeamTimeoutError);
    expect(reviveSeamError(structuredClone(s.argument.toJSON()))).toBeInstanceOf(
      SeamInvalidArgumentError,
    );
    expect(reviveSeamError({ other: true })).toEqual({ other: true });
  });

  it('a custom transport that rejects with JSON forms gets instances back from the client', async () => {
    const json = samples().invalid.toJSON();
    const client = new SeamClient({ transport: () => Promise.reject(structuredClone(json)) });
    const error = await failure(client.devices.get({ device_id: 'd' }));
    expect(error).toBeInstanceOf(SeamInvalidInputError);
  });
});
