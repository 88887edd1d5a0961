import { css } from 'lit';

/** `<seam-code-creator>`: a compact form that fits a PMS side panel. */
export default css`
  @layer seam-component {
    :host {
      --_seam-code-creator-max-width: var(--seam-code-creator-max-width, 32rem);
      max-width: var(--_seam-code-creator-max-width);
    }
    .base {
      display: grid;
      /* Long words (a pasted name, a URL in a message) wrap: never wider than the container. */
      overflow-wrap: anywhere;
      min-width: 0;
      grid-template-columns: minmax(0, 1fr);
      gap: var(--_seam-space);
      padding: var(--_seam-space);
    }
    p {
      margin: 0;
    }
    ul {
      margin: 0;
      padding-inline-start: 1.2em;
    }
    .device {
      display: grid;
      gap: calc(var(--_seam-space) / 2);
    }
    .device-title,
    .cannot-title,
    .created-title {
      font-weight: 600;
    }
    .device-name {
      font-weight: 600;
      margin-top: calc(var(--_seam-space) / 2);
    }
    .capabilities {
      color: var(--_seam-color-text-muted);
    }
    .cautions {
      list-style: none;
      padding: 0;
    }
    form {
      display: grid;
      gap: var(--_seam-space);
    }
    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }
    .field {
      display: grid;
      gap: calc(var(--_seam-space) / 2);
    }
    label,
    legend {
      font-weight: 600;
    }
    .choices {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_seam-space) / 2) calc(var(--_seam-space) * 2);
    }
    .choice {
      display: inline-flex;
      align-items: center;
      gap: calc(var(--_seam-space) / 2);
      font-weight: 400;
    }
    .control-row {
      display: flex;
      flex-wrap: wrap;
      gap: calc(var(--_seam-space) / 2);
    }
    .control-row input {
      flex: 1 1 8rem;
      width: auto;
    }
    .hint {
      font-size: 0.9em;
    }
    .check {
      display: grid;
      grid-template-columns: auto 1fr;
      column-gap: calc(var(--_seam-space) / 2);
      align-items: start;
    }
    .check label {
      font-weight: 400;
    }
    .check .hint {
      grid-column: 2;
    }
    .advanced summary {
      cursor: pointer;
      font-weight: 600;
    }
    .advanced-options {
      display: grid;
      gap: var(--_seam-space);
      margin-top: var(--_seam-space);
    }
    .error-box,
    .cannot {
      padding: var(--_seam-space);
      border: 1px solid var(--_seam-color-danger);
      border-radius: var(--_seam-radius);
      color: var(--_seam-color-text);
    }
    .cannot {
      display: grid;
      gap: calc(var(--_seam-space) / 2);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_seam-space);
    }
    /* Focus moves here after a create so screen readers continue from the news; no ring needed. */
    .created-title:focus {
      outline: none;
    }
    .created {
      display: grid;
      gap: var(--_seam-space);
    }
  }
`;
