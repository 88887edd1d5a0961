/**
 * Push in Chromium: the in-page sandbox's Svix-signed webhooks reach the relay (a real Node server
 * on loopback, through the test server's forwarder), and the page's verifier reads the relay's SSE
 * stream with fetch and a stream reader: cross-origin, with CORS, the token in an `Authorization`
 * header the relay's preflight must allow. Real time; the sandbox's clock is moved by hand.
 */
import { expect } from '@open-wc/testing';
import type { AccessCode } from '@seamapi/types/connect';
import { SeamClient } from '../src/client/index.js';
import { createVerifier, type Verifier, type VerifierErrorSource } from '../src/verify/index.js';
import { createSandbox, type Sandbox } from '../../sandbox/src/index.js';
import { eventually } from './support.js';

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return (await response.json()) as T;
}

interface World {
  sandbox: Sandbox;
  relayUrl: string;
  client: SeamClient;
  requests: string[];
  /** Routes whose answers reached the client, in order. */
  answered: string[];
  create(): Promise<AccessCode>;
}

async function startWorld(): Promise<World> {
  const sandbox = createSandbox({
    speed: 0,
    start: new Date().toISOString(),
    // Deliveries go to the test server, which forwards them unchanged to the relay.
    webhookFetch: (_input, init) => fetch('/__relay/webhooks/seam', init),
  });
  const api = async (route: string, body: Record<string, unknown>) => {
    const response = await sandbox.fetch(`https://sandbox.test${route}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${sandbox.credentials.apiKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const webhook = (await api('/webhooks/create', { url: 'https://relay.test/webhooks/seam' }))
    .webhook as { secret: string };
  const { url } = await post<{ url: string }>('/__relay/start', { webhookSecret: webhook.secret });
  const requests: string[] = [];
  const answered: string[] = [];
  const client = SeamClient.fromClientSessionToken(sandbox.credentials.clientSessionToken, {
    endpoint: 'https://sandbox.test',
    fetch: async (request) => {
      const route = new URL(request.url).pathname;
      requests.push(route);
      const response = await sandbox.fetch(request);
      answered.push(route);
      return response;
    },
    retry: false,
  });
  return {
    sandbox,
    relayUrl: url,
    client,
    requests,
    answered,
    create: async () =>
      (
        await api('/access_codes/create', {
          device_id: sandbox.catalogue.devices.builtInKeypad,
          name: 'Guest',
        })
      ).access_code as AccessCode,
  };
}

/** The integrator's backend mints tokens for the codes the page asks for. */
function backendToken(workspaceId: string, override?: string[]) {
  return async ({ accessCodeIds }: { accessCodeIds: readonly string[] }) =>
    (
      await post<{ token: string }>('/__relay/token', {
        workspace_id: workspaceId,
        access_code_ids: override ?? accessCodeIds,
      })
    ).token;
}

describe('push in the browser', () => {
  let world: World | undefined;
  let verifier: Verifier | undefined;

  afterEach(async () => {
    await verifier?.dispose();
    await world?.sandbox.whenIdle();
    world?.sandbox.dispose();
    verifier = undefined;
    world = undefined;
  });

  it('verifies a code from webhooks streamed by the relay, asking Seam once', async () => {
    world = await startWorld();
    verifier = createVerifier({
      client: world.client,
      sources: {
        push: {
          url: world.relayUrl,
          token: backendToken(world.sandbox.catalogue.workspaceId),
          minReconnectDelayMs: 100,
        },
      },
    });
    const code = await world.create();
    const id = code.access_code_id;
    verifier.watch(code);
    await eventually(() => world!.answered.length === 1, 'the first look after the stream opened');
    // Let the verifier take in that answer before the lock sets the code: otherwise a late answer
    // would show the code set from a snapshot, and the test would prove nothing about the push.
    await verifier.idle();
    await new Promise((resolve) => setTimeout(resolve, 50));
    world.sandbox.clock.advance(10_000);
    await eventually(() => verifier!.getSnapshot(id)?.phase === 'active', 'active');
    expect(verifier.getSnapshot(id)?.statusEvent?.eventType).to.equal('access_code.set_on_device');
    expect(world.requests).to.deep.equal(['/access_codes/list']);
    const stats = (await (await fetch('/__relay/stats')).json()) as { subscribers: number };
    expect(stats.subscribers).to.equal(1);
  });

  it('a token for other codes gets no stream, and the verifier says why', async () => {
    world = await startWorld();
    const errors: { error: unknown; source: VerifierErrorSource }[] = [];
    verifier = createVerifier({
      client: world.client,
      sources: {
        push: {
          url: world.relayUrl,
          token: backendToken(world.sandbox.catalogue.workspaceId, [
            '0bad1dea-0000-4000-8000-000000000001',
          ]),
          minReconnectDelayMs: 100,
          maxReconnectDelayMs: 200,
        },
      },
      onError: (error, source) => errors.push({ error, source }),
    });
    const code = await world.create();
    verifier.watch(code);
    await eventually(() => errors.some((item) => item.source === 'push'), 'a refusal');
    const refusal = errors.find((item) => item.source === 'push')!.error as Error & {
      status: number;
      type: string;
    };
    expect(refusal.status).to.equal(403);
    expect(refusal.type).to.equal('forbidden_access_codes');
    await eventually(
      () => verifier!.getSnapshot(code.access_code_id)?.flags.connectionDegraded === true,
      'the code shown degraded',
    );
  });
});
