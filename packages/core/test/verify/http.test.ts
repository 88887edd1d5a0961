/**
 * The verifier over real HTTP: the sandbox's Node server on 127.0.0.1, the global fetch, and a
 * real network drop (the server goes away, connections are refused, then it comes back on the same
 * port).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../../../sandbox/src/index.js';
import { startServer, type SandboxServer } from '../../../sandbox/src/node/index.js';
import { MINUTE, SECOND, START, setup, type Harness } from './support/harness.js';

let harness: Harness | undefined;
let server: SandboxServer | undefined;
afterEach(async () => {
  await harness?.dispose();
  await server?.close();
  harness = undefined;
  server = undefined;
});

describe('over the sandbox HTTP server', () => {
  it('follows a code to active, rides out the server going away, and recovers', async () => {
    const sandbox = createSandbox({ speed: 0, start: START });
    server = await startServer(sandbox, { port: 0 });
    const port = server.port;
    harness = setup({ existingSandbox: sandbox, endpoint: server.url });
    sandbox.control.configureDevice(harness.devices.builtInKeypad, { setLatencyMs: 5 * MINUTE });
    const code = await harness.create({ device_id: harness.devices.builtInKeypad, name: 'Guest' });
    const id = code.access_code_id;
    harness.verifier.watch(code);
    await harness.verifier.ready;
    await harness.advanceUntil(() => harness!.state(id).phase === 'programming', MINUTE);
    expect(harness.network.requests.every((request) => request.status === 200)).toBe(true);

    await server.close();
    await harness.advanceUntil(() => harness!.state(id).flags.connectionDegraded, MINUTE);
    const issue = harness.state(id).issues.find((candidate) => candidate.scope === 'transport');
    expect(issue?.code).toBe('network_error');
    const dropped = harness.network.requests.filter((request) => request.status === null).length;
    expect(dropped).toBeGreaterThan(0);

    await harness.clock.advance(5 * MINUTE);
    server = await startServer(sandbox, { port });
    await harness.advanceUntil(
      () => harness!.state(id).phase === 'active',
      10 * MINUTE,
      10 * SECOND,
    );
    expect(harness.state(id).flags.connectionDegraded).toBe(false);
    expect(harness.phases(id)).toEqual(['pending', 'programming', 'active']);
    // One list per try, over the wire as over the in-page handler.
    for (const request of harness.network.requests) {
      expect(request.route).toBe('/access_codes/list');
      expect(request.body).toEqual({ access_code_ids: [id] });
    }
  });
});
