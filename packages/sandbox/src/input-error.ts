/** A control or option value that is wrong; the message says what and how to fix it. */
export class SandboxInputError extends RangeError {
  override readonly name = 'SandboxInputError';
}
