/* global fetch, Response */
// The backend half of every example: mint a Seam client session token for the signed-in user.
// The API key stays on the server; the page gets a token scoped to that user (Seam's
// recommended way to authorise a page). Works against Seam and against the local sandbox
// (`npm run sandbox`), whose defaults are used when nothing is configured.

/** The local sandbox's address and API key (see packages/sandbox/README.md). */
export const SANDBOX_ENDPOINT = 'http://127.0.0.1:8787';
export const SANDBOX_API_KEY = 'seam_sandbox_W1iHtLH6U60SRNprdWD1oxLi';

/**
 * Where Seam is and which key to use, from the environment: SEAM_ENDPOINT, SEAM_API_KEY and
 * SEAM_CONNECTED_ACCOUNT_IDS (comma-separated: the accounts this app's users may see).
 */
export function seamConfig(env = process.env) {
  return {
    endpoint: env.SEAM_ENDPOINT ?? SANDBOX_ENDPOINT,
    apiKey: env.SEAM_API_KEY ?? SANDBOX_API_KEY,
    connectedAccountIds: (env.SEAM_CONNECTED_ACCOUNT_IDS ?? '').split(',').filter(Boolean),
  };
}

/** Asks Seam for the user's client session (the same one on every call) and returns its token. */
export async function mintClientSessionToken(userIdentifierKey, config = seamConfig()) {
  const response = await fetch(`${config.endpoint}/client_sessions/get_or_create`, {
    method: 'POST',
    headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      user_identifier_key: userIdentifierKey,
      ...(config.connectedAccountIds.length > 0
        ? { connected_account_ids: config.connectedAccountIds }
        : {}),
    }),
  });
  const body = await response.json().catch(() => null);
  const token = body?.client_session?.token;
  if (!response.ok || typeof token !== 'string') {
    throw new Error(
      `Seam refused the client session (${response.status} ${body?.error?.type ?? 'no error type'}): ` +
        'check SEAM_API_KEY and SEAM_ENDPOINT.',
    );
  }
  return token;
}

/**
 * `POST /api/seam/client-session` as a Web-standard route handler (Next.js route handlers, Hono,
 * workers, or Node through `toNodeHandler`). Who the user is comes from the app's own session:
 * here a demo header stands in for it.
 */
export async function POST(request, config = seamConfig()) {
  const user = request.headers.get('x-demo-user');
  if (!user) return Response.json({ error: 'sign in first' }, { status: 401 });
  try {
    const clientSessionToken = await mintClientSessionToken(user, config);
    return Response.json({ clientSessionToken, endpoint: config.endpoint });
  } catch (error) {
    console.error(error);
    return Response.json({ error: 'could not reach Seam' }, { status: 502 });
  }
}
