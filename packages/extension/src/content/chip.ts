/**
 * The launcher chip: a lit-html template rendered into a closed shadow root (custom elements do
 * not exist in content scripts). It shows only a status; it never holds a PIN or a credential.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ChipStatus } from '../protocol.js';
import type { ChipStrings } from './strings.js';

export const chipCss = `
  .chip { all: initial; display: inline-flex; align-items: center; gap: 6px; margin: 4px 8px; padding: 3px 10px;
    border-radius: 999px; border: 1px solid #c7c7cc; background: #fff; color: #1c1c1e; cursor: pointer;
    font: 500 13px/18px system-ui, sans-serif; }
  .chip:focus-visible { outline: 2px solid #0a64d6; outline-offset: 2px; }
  .chip[data-tone="warn"] { border-color: #b25f00; }
  .chip[data-tone="bad"] { border-color: #c4001d; }
  .dot { width: 8px; height: 8px; border-radius: 50%; background: #8e8e93; }
  [data-tone="ok"] .dot { background: #1f8a3a; } [data-tone="busy"] .dot { background: #0a64d6; }
  [data-tone="warn"] .dot { background: #b25f00; } [data-tone="bad"] .dot { background: #c4001d; }
  @media (prefers-color-scheme: dark) { .chip { background: #1c1c1e; color: #f2f2f7; border-color: #48484a; } }
`;

function describe(
  status: ChipStatus | null,
  t: ChipStrings,
): { text: string; tone: string; detail: string } {
  if (!status) return { text: t.checking, tone: 'idle', detail: '' };
  switch (status.kind) {
    case 'setup':
      return { text: t.setup, tone: 'warn', detail: '' };
    case 'disabled':
      return { text: t.disabled, tone: 'idle', detail: '' };
    case 'ready':
      return status.unmapped
        ? { text: t.unmapped, tone: 'idle', detail: '' }
        : { text: t.ready, tone: 'idle', detail: '' };
    case 'incomplete': {
      const missing = (status.missing ?? []).map((m) => t.missing[m] ?? m).join(', ');
      return {
        text: t.incomplete,
        tone: 'warn',
        detail: [missing, ...(status.problems ?? [])].filter(Boolean).join(' · '),
      };
    }
    case 'code': {
      const phase = status.phase;
      if (!phase) return { text: t.checking, tone: 'busy', detail: '' };
      const tone =
        phase === 'active'
          ? 'ok'
          : ['failed', 'rejected', 'removing_failed'].includes(phase)
            ? 'bad'
            : ['delayed', 'unknown', 'awaiting_code'].includes(phase)
              ? 'warn'
              : 'busy';
      return { text: t.phases[phase], tone, detail: '' };
    }
  }
}

export function chipTemplate(
  status: ChipStatus | null,
  open: boolean,
  t: ChipStrings,
  onToggle: () => void,
): TemplateResult {
  const { text, tone, detail } = describe(status, t);
  return html`<button
    class="chip"
    type="button"
    data-tone=${tone}
    data-kind=${status?.kind ?? 'loading'}
    data-phase=${status?.phase ?? nothing}
    aria-expanded=${open ? 'true' : 'false'}
    aria-haspopup="dialog"
    title=${detail || nothing}
    @click=${onToggle}
  >
    <span class="dot" aria-hidden="true"></span><span class="label">${t.brand}: ${text}</span>
  </button>`;
}
