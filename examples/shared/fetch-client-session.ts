// The page's half: ask the app's own backend for a client session token (never an API key).

export interface ClientSession {
  readonly clientSessionToken: string;
  /** Where Seam is (the local sandbox while developing). */
  readonly endpoint: string;
}

/** `POST /api/seam/client-session`, as the signed-in user (a demo header here). */
export async function fetchClientSession(user = 'demo-user'): Promise<ClientSession> {
  const response = await fetch('/api/seam/client-session', {
    method: 'POST',
    headers: { 'x-demo-user': user },
  });
  if (!response.ok) throw new Error(`client session: ${response.status}`);
  return (await response.json()) as ClientSession;
}
