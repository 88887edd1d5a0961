// The page, a server component: it gets the user's client session from the server (see
// server.tsx: minted there, the API key never leaves the server) and renders the client part.
import { CodeCreator, type CreatorProps } from './code-creator.js';

export function Page(props: CreatorProps) {
  return (
    <main>
      <h1>Give the guest a code</h1>
      <CodeCreator {...props} />
    </main>
  );
}
