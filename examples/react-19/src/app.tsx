// React 19 renders custom elements itself: attributes, properties and `on<event>` listeners.
// The elements' JSX types come from the package (`./react`), generated from its manifest.
import { useEffect, useState } from 'react';
import '@seam-codes/components/code-creator/define.js';
import type {} from '@seam-codes/components/react';
import type { SeamCodeCreatedEvent, SeamStatusChangeEvent } from '@seam-codes/components';
import { fetchClientSession, type ClientSession } from '../../shared/fetch-client-session.js';

export function App() {
  const [session, setSession] = useState<ClientSession | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [phase, setPhase] = useState('');
  useEffect(() => {
    fetchClientSession().then(setSession, console.error);
  }, []);
  if (session === null) return <p>Connecting to Seam…</p>;
  return (
    <main>
      <h1>Give the guest a code</h1>
      <seam-code-creator
        client-session-token={session.clientSessionToken}
        endpoint={session.endpoint}
        device-id={new URL(location.href).searchParams.get('device') ?? ''}
        name="Guest: Ana Silva"
        preferred-code-length={6}
        onseam-code-created={(event: SeamCodeCreatedEvent) =>
          setCreated(event.detail.accessCode.access_code_id)
        }
        onseam-status-change={(event: SeamStatusChangeEvent) => setPhase(event.detail.phase)}
      />
      {created && (
        <p>
          Created {created}: {phase}
        </p>
      )}
    </main>
  );
}
