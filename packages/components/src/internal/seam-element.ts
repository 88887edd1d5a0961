import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { onLangChange, primaryLanguage, resolveLang } from './locale.js';
import {
  hasGuidance,
  loadGuidance,
  loadStrings,
  readyStrings,
  stringsFor,
  type Strings,
} from './strings/index.js';
import { themeStyles } from './theme.styles.js';

/** The colour scheme of an element: follow the system (`auto`), or force `light` or `dark`. */
export type SeamTheme = 'auto' | 'light' | 'dark';

/**
 * The base of every seam element: the shared theme tokens, the strings of the language that
 * applies to the element (`lang` on it or an ancestor), and custom states through
 * `ElementInternals` (`:host(:state(loading))`) instead of reflected private attributes.
 *
 * A language other than English has its table in its own module: the element does not render
 * until that table has arrived (no flash of English on a German page; after a language change
 * the old language stays until the new one is there), and `updateComplete` waits for it.
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
  /** The load of the table this element waits for, if any. */
  #waiting: Promise<void> | undefined;
  /** A language whose table failed to load: rendered in English rather than not at all. */
  #failedLanguage: string | undefined;
  /** Property changes of the updates skipped while waiting, handed to the next real update. */
  readonly #deferred = new Map<PropertyKey, unknown>();

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

  protected override shouldUpdate(changed: Map<PropertyKey, unknown>): boolean {
    this.#lang = resolveLang(this);
    const language = primaryLanguage(this.#lang);
    if (readyStrings(this.#lang) === undefined && this.#failedLanguage !== language) {
      // Lit forgets the changes of a skipped update; keep them (oldest value first) for
      // subclasses whose `willUpdate` reacts to them.
      for (const [key, value] of changed) {
        if (!this.#deferred.has(key)) this.#deferred.set(key, value);
      }
      this.#waiting ??= loadStrings(this.#lang)
        .then(
          () => undefined,
          () => {
            this.#failedLanguage = language;
          },
        )
        .finally(() => {
          this.#waiting = undefined;
          this.requestUpdate();
        });
      return false;
    }
    for (const [key, value] of this.#deferred) if (!changed.has(key)) changed.set(key, value);
    this.#deferred.clear();
    return super.shouldUpdate(changed);
  }

  /** Also waits for the table of the element's language and the render in it. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    while (this.#waiting !== undefined) {
      await this.#waiting;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  /**
   * Resolves once the guidance texts are there (English fetches core's on first need), so that
   * an error is described with them; a failed fetch resolves too (Seam's message is shown).
   */
  protected guidanceReady(): Promise<void> {
    return hasGuidance() ? Promise.resolve() : loadGuidance().catch(() => undefined);
  }

  /** Renders again once the guidance texts are there, for a render that needed them. */
  protected needGuidance(): void {
    if (!hasGuidance()) void this.guidanceReady().then(() => this.requestUpdate());
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
