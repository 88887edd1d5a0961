/**
 * Seam's error responses: `{ error: { type, message, data?, validation_errors? }, ok: false }`
 * with the HTTP status the official SDK maps to its error classes (spec §B1).
 */

/** Field-level messages in the shape Seam (and zod's `format()`) uses. */
export type ValidationErrors = Record<string, { _errors: string[] }>;

/** An error that becomes a Seam-shaped JSON response. */
export class SeamApiError extends Error {
  override readonly name = 'SeamApiError';
  readonly status: number;
  readonly type: string;
  readonly data: unknown;
  readonly validationErrors: ValidationErrors | undefined;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    type: string,
    message: string,
    options: {
      data?: unknown;
      validationErrors?: ValidationErrors;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.status = status;
    this.type = type;
    this.data = options.data;
    this.validationErrors = options.validationErrors;
    this.headers = options.headers ?? {};
  }

  /** The JSON body Seam sends. */
  toBody(): { error: Record<string, unknown>; ok: false } {
    const error: Record<string, unknown> = { type: this.type, message: this.message };
    if (this.data !== undefined) error['data'] = this.data;
    if (this.validationErrors !== undefined) error['validation_errors'] = this.validationErrors;
    return { error, ok: false };
  }
}

/** 400 `invalid_input` with per-field messages; the message names every problem. */
export function invalidInput(problems: Record<string, string[]>): SeamApiError {
  const validationErrors = Object.create(null) as ValidationErrors;
  const parts: string[] = [];
  for (const [field, messages] of Object.entries(problems)) {
    if (messages.length === 0) continue;
    validationErrors[field] = { _errors: messages };
    parts.push(`${field}: ${messages.join(' ')}`);
  }
  return new SeamApiError(400, 'invalid_input', `Invalid input. ${parts.join(' ')}`, {
    validationErrors,
  });
}

/** 404 for a resource the caller cannot see (unknown, or in another workspace or session). */
export function notFound(type: string, message: string, data?: unknown): SeamApiError {
  return new SeamApiError(404, type, message, data === undefined ? {} : { data });
}
