/**
 * Every guidance code of core's GUIDANCE table (what each Seam error and warning means and what
 * helps), bundled from @seam-codes/core at build time: the troubleshooting page cannot drift from
 * what the elements show.
 */
import { ACTION_LABELS, GUIDANCE } from '@seam-codes/core';
import type { ReactNode } from 'react';

const SCOPES = [
  'access_code',
  'device',
  'connected_account',
  'request',
  'action_attempt',
  'transport',
];

export function GuidanceTable(): ReactNode {
  const entries = Object.values(GUIDANCE);
  const groups = [...SCOPES, null].map((scope) => ({
    scope,
    entries: entries
      .filter((entry) => entry.scope === scope)
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code)),
  }));
  return (
    <div className="seam-api">
      <p>
        {entries.length} entries. The key (<code>scope.kind.code</code>) is stable across releases.
      </p>
      {groups.map(({ scope, entries: list }) => (
        <section key={scope ?? 'fallback'}>
          <h2 id={`scope-${scope ?? 'fallback'}`}>
            {scope ?? 'Codes not in the table (fallbacks)'}
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Kind</th>
                <th scope="col">What it means</th>
                <th scope="col">What helps</th>
              </tr>
            </thead>
            <tbody>
              {list.map((entry) => (
                <tr key={entry.key} id={entry.key}>
                  <td>
                    <code>{entry.code}</code>
                  </td>
                  <td>{entry.kind}</td>
                  <td>
                    <strong>{entry.title}</strong> {entry.explanation}
                  </td>
                  <td>
                    {ACTION_LABELS[entry.action] || '—'}
                    {entry.fallbackAction
                      ? ` (else: ${ACTION_LABELS[entry.fallbackAction] || entry.fallbackAction})`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
