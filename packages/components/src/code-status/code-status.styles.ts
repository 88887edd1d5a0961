import { css } from 'lit';

/** `<seam-code-status>`: a compact status card. */
export default css`
  @layer seam-component {
    :host {
      max-width: 100%;
      min-width: 0;
    }
    .base {
      display: grid;
      /* Whatever a name or a message holds, the card never grows wider than its container. */
      overflow-wrap: anywhere;
      min-width: 0;
      max-width: 100%;
      box-sizing: border-box;
      grid-template-columns: minmax(0, 1fr);
      gap: calc(var(--_seam-space) * 0.75);
      padding: var(--_seam-space);
      border: 1px solid var(--_seam-color-border);
      border-radius: var(--_seam-radius);
    }
    p {
      margin: 0;
    }
    ul,
    ol {
      margin: 0;
      padding-inline-start: 1.2em;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_seam-space);
    }
    .phase {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      font-weight: 600;
    }
    .dot {
      width: 0.6em;
      height: 0.6em;
      border-radius: 50%;
      background: currentColor;
    }
    .tone-success {
      color: var(--_seam-color-success);
    }
    .tone-progress {
      color: var(--_seam-color-accent);
    }
    .tone-warning {
      color: var(--_seam-color-warning);
    }
    .tone-danger {
      color: var(--_seam-color-danger);
    }
    .tone-neutral {
      color: var(--_seam-color-text-muted);
    }
    .name {
      color: var(--_seam-color-text-muted);
    }
    .pin {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_seam-space) / 2);
    }
    .pin-label {
      font-weight: 600;
    }
    .pin-value,
    .backup-pin {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
      font-size: 1.15em;
      letter-spacing: 0.15em;
      min-width: 4ch;
    }
    .issues,
    .flags {
      list-style: none;
      padding: 0;
      display: grid;
      gap: calc(var(--_seam-space) / 2);
    }
    .issue {
      padding: calc(var(--_seam-space) * 0.75);
      border-inline-start: 3px solid var(--_seam-color-warning);
      background: var(--_seam-color-surface-raised);
      border-radius: var(--_seam-radius);
    }
    .issue.error {
      border-inline-start-color: var(--_seam-color-danger);
    }
    .issue-title {
      font-weight: 600;
    }
    .backup {
      padding: var(--_seam-space);
      border: 1px solid var(--_seam-color-success);
      border-radius: var(--_seam-radius);
    }
    .error-box {
      padding: var(--_seam-space);
      border: 1px solid var(--_seam-color-danger);
      border-radius: var(--_seam-radius);
    }
    .actions,
    .confirm {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_seam-space);
    }
    .timeline summary {
      cursor: pointer;
      color: var(--_seam-color-text-muted);
    }
    .timeline ol {
      margin-top: calc(var(--_seam-space) / 2);
      display: grid;
      gap: 0.2em;
    }
    .timeline time {
      color: var(--_seam-color-text-muted);
      margin-inline-end: 0.5em;
      font-variant-numeric: tabular-nums;
    }
  }
`;
