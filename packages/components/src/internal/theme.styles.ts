import { css } from 'lit';

/**
 * Design tokens shared by every element. Public hooks are `--seam-*`; the private `--_seam-*`
 * values are what component styles read, so that a host page overrides one token and both themes
 * follow. Colours meet WCAG AA contrast against their surface in both palettes.
 *
 * Light or dark is the host's `color-scheme`, and every colour is a `light-dark()` pair, so the
 * palette, and the native controls inside (date pickers, selects, scrollbars), follow it:
 * - by default `light dark`: the viewer's `prefers-color-scheme`;
 * - chosen by the page on any ancestor, with its own class or attribute, through the inherited
 *   `--seam-color-scheme` (`html.dark { --seam-color-scheme: dark }`,
 *   `[data-theme='light'] { --seam-color-scheme: light }`): custom properties cross shadow roots;
 * - or on the element itself with `theme="light"` / `theme="dark"`, which wins.
 */
export const themeStyles = css`
  @layer seam-component {
    :host {
      color-scheme: var(--seam-color-scheme, light dark);
      --_seam-font-family: var(
        --seam-font-family,
        system-ui,
        -apple-system,
        'Segoe UI',
        sans-serif
      );
      --_seam-font-size: var(--seam-font-size, 0.875rem);
      --_seam-radius: var(--seam-radius, 6px);
      --_seam-space: var(--seam-space, 0.5rem);
      --_seam-color-text: var(--seam-color-text, light-dark(#1b1f24, #e6edf3));
      --_seam-color-text-muted: var(--seam-color-text-muted, light-dark(#57606a, #a4aeb9));
      --_seam-color-surface: var(--seam-color-surface, light-dark(#ffffff, #0d1117));
      --_seam-color-surface-raised: var(--seam-color-surface-raised, light-dark(#f6f8fa, #161b22));
      --_seam-color-border: var(--seam-color-border, light-dark(#6e7781, #7d8590));
      --_seam-color-accent: var(--seam-color-accent, light-dark(#0a58ca, #58a6ff));
      --_seam-color-on-accent: var(--seam-color-on-accent, light-dark(#ffffff, #0d1117));
      --_seam-color-danger: var(--seam-color-danger, light-dark(#b42318, #ff8f87));
      --_seam-color-warning: var(--seam-color-warning, light-dark(#8a4b00, #e3b341));
      --_seam-color-success: var(--seam-color-success, light-dark(#1a7f37, #56d364));
      --_seam-color-focus: var(--seam-color-focus, light-dark(#0a58ca, #58a6ff));

      display: block;
      box-sizing: border-box;
      font-family: var(--_seam-font-family);
      font-size: var(--_seam-font-size);
      line-height: 1.4;
      color: var(--_seam-color-text);
      background: var(--_seam-color-surface);
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
    :host([hidden]) {
      display: none;
    }
    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }

    /* Shared controls: compact enough for a PMS side panel. */
    button,
    input,
    select {
      font: inherit;
      color: inherit;
    }
    input:not([type='radio']):not([type='checkbox']),
    select {
      width: 100%;
      min-height: 2rem;
      padding: calc(var(--_seam-space) / 2) var(--_seam-space);
      border: 1px solid var(--_seam-color-border);
      border-radius: var(--_seam-radius);
      background: var(--_seam-color-surface);
    }
    input[aria-invalid='true'] {
      border-color: var(--_seam-color-danger);
      box-shadow: inset 0 0 0 1px var(--_seam-color-danger);
    }
    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: calc(var(--_seam-space) / 2);
      min-height: 2rem;
      padding: calc(var(--_seam-space) / 2) calc(var(--_seam-space) * 1.5);
      border: 1px solid var(--_seam-color-border);
      border-radius: var(--_seam-radius);
      background: var(--_seam-color-surface-raised);
      cursor: pointer;
    }
    button.primary {
      border-color: var(--_seam-color-accent);
      background: var(--_seam-color-accent);
      color: var(--_seam-color-on-accent);
      font-weight: 600;
    }
    button.danger {
      border-color: var(--_seam-color-danger);
      color: var(--_seam-color-danger);
      background: var(--_seam-color-surface);
    }
    button:disabled,
    button[aria-disabled='true'] {
      cursor: not-allowed;
      opacity: 0.7;
    }
    :focus-visible {
      outline: 2px solid var(--_seam-color-focus);
      outline-offset: 2px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
      border: 0;
    }
    .muted {
      color: var(--_seam-color-text-muted);
    }
    .error-text {
      color: var(--_seam-color-danger);
    }
    .warning-text {
      color: var(--_seam-color-warning);
    }
  }
`;
