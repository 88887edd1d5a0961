import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { onLangChange, resolveLang } from './locale.js';
import { stringsFor, type Strings } from './strings/index.js';
import { themeStyles } from './theme.styles.js';

/** The colour scheme of an element: follow the system (`auto`), or force `light` or `dark`. */
export type SeamTheme = 'auto' | 'light' | 'dark';

/**
 * The base of every seam element: the shared theme tokens, the strings of the language that
 * applies to the element (`lang` on it or an ancestor), and custom states through
 * `ElementInternals` (`:host(:state(loading))`) instead of reflected private attributes.
 */
export class SeamElement extends LitElement {
  static override styles = [themeStyles];

  /**
   * The colour scheme: `auto` follows `prefers-color-scheme`; `light` and `dark` force one.
   */
  @property({ reflect: true }) theme: SeamTheme = 'auto';

  /** The element's internals: custom states and ARIA defaults. */
  protected readonly internals: ElementInternals = this.attachInternals();

  #stopLangWatch: (() => void) | undefined;
  #lang = 'en';

  /** The BCP 47 language the element renders in, for `Intl` formatting. */
  protected get locale(): string {
    return this.#lang;
  }

  /** The string table of the element's language (English when the language has none). */
  protected get t(): Strings {
    return stringsFor(this.#lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#stopLangWatch = onLangChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopLangWatch?.();
    this.#stopLangWatch = undefined;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.#lang = resolveLang(this);
  }

  /** Turns a custom state on or off, for `:host(:state(name))` selectors in page CSS. */
  protected setState(name: string, on: boolean): void {
    if (on) this.internals.states.add(name);
    else this.internals.states.delete(name);
  }

  /** Whether a custom state is on. */
  protected hasState(name: string): boolean {
    return this.internals.states.has(name);
  }
}
