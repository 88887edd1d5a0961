'use client';
// A client component. Next.js renders it on the server too, so importing the element's module
// must work in Node: it does (lit's server build), and the element upgrades in the browser.
import { useState } from 'react';
import '@seam-codes/components/code-creator/define.js';
import type {} from '@seam-codes/components/react';
import type { SeamCodeCreatedEvent } from '@seam-codes/components';

export interface CreatorProps {
  readonly clientSessionToken: string;
  readonly endpoint: string;
  readonly deviceId?: string;
}

export function CodeCreator({ clientSessionToken, endpoint, deviceId = '' }: CreatorProps) {
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      <seam-code-creator
        client-session-token={clientSessionToken}
        endpoint={endpoint}
        device-id={deviceId}
        onseam-code-created={(event: SeamCodeCreatedEvent) =>
          setCreated(event.detail.accessCode.access_code_id)
        }
      />
      {created && <p>Created {created}</p>}
    </>
  );
}
