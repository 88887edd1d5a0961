/** An object whose fields can be read (Seam's JSON, or anything a caller passed). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
