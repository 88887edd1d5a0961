/** `<seam-code-creator>`: the class, its events and types. No side effects: see `./define.js`. */
export { SeamCodeCreator, deviceName } from './code-creator.js';
export {
  SeamCodeCreatedEvent,
  SeamCodeSetEvent,
  SeamCodeSubmitEvent,
  type SeamCodeCreatedDetail,
  type SeamCodeSubmitDetail,
} from './code-creator.events.js';
export {
  PIN_MODES,
  TIMINGS,
  type CreatorField,
  type CreatorForm,
  type PinMode,
  type Timing,
} from './code-creator.types.js';
