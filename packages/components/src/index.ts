/**
 * @seam-codes/components: `<seam-code-creator>` and `<seam-code-status>`, their events, the shared
 * context, and the string tables. Importing this module registers nothing: import `./define.js`
 * (or one element's `define.js`) where the elements should exist.
 */
export * from './code-creator/index.js';
export * from './code-status/index.js';
export { provideSeamContext, seamContext, type SeamContextValue } from './context.js';
export {
  SeamDetailEvent,
  SeamErrorEvent,
  SeamSessionExpiredEvent,
  type SeamErrorDetail,
  type SeamErrorStage,
} from './internal/events.js';
export { SeamElement, type SeamTheme } from './internal/seam-element.js';
export { SeamConnectedElement } from './internal/connected-element.js';
export { isLocalSandboxEndpoint } from './internal/credentials.js';
export { en, stringsFor, supportedLanguages, type Strings } from './internal/strings/index.js';
// German as a value for those who import it; the elements load it themselves when lang=de.
export { de } from './internal/strings/de.js';
