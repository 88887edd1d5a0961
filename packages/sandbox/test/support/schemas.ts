/**
 * The schema-fidelity oracle: every response body of every route, in every test, must parse with
 * the zod schemas of the latest `@seamapi/types` (1.977.0), and parsing must not drop anything (a field
 * the schema does not know is a field real Seam would not send). Error bodies must match the
 * shape `@seamapi/http` decodes.
 */
import { schemas } from '@seamapi/types/connect';
import { expect } from 'vitest';
import { z } from 'zod';

const ok = { ok: z.literal(true) };
const empty = z.object(ok).strict();
const generatedCode = z.object({ device_id: z.string().uuid(), code: z.string().regex(/^\d+$/) });
const webhook = schemas.webhook;

/** Response envelopes by route, built from the published model schemas. */
export const responseSchemas: Record<string, z.ZodTypeAny> = {
  '/devices/get': z.object({ device: schemas.device, ...ok }),
  '/devices/list': z.object({
    devices: z.array(schemas.device),
    pagination: schemas.pagination,
    ...ok,
  }),
  '/locks/get': z.object({ lock: schemas.device, device: schemas.device, ...ok }),
  '/locks/list': z.object({
    locks: z.array(schemas.device),
    devices: z.array(schemas.device),
    ...ok,
  }),
  '/locks/unlock_door': z.object({ action_attempt: schemas.action_attempt, ...ok }),
  '/locks/lock_door': z.object({ action_attempt: schemas.action_attempt, ...ok }),
  '/devices/update': empty,
  '/connected_accounts/get': z.object({ connected_account: schemas.connected_account, ...ok }),
  '/connected_accounts/list': z.object({
    connected_accounts: z.array(schemas.connected_account),
    pagination: schemas.pagination,
    ...ok,
  }),
  // Not in Seam's published routes: Seam's components post telemetry there; an empty 2xx.
  '/internal/tlmtry': empty,
  '/devices/simulate/connect': empty,
  '/devices/simulate/disconnect': empty,
  '/devices/simulate/remove': empty,
  '/locks/simulate/keypad_code_entry': z.object({ action_attempt: schemas.action_attempt, ...ok }),
  '/access_codes/create': z.object({
    action_attempt: schemas.action_attempt,
    access_code: schemas.access_code,
    ...ok,
  }),
  '/access_codes/create_multiple': z.object({
    access_codes: z.array(schemas.access_code),
    ...ok,
  }),
  '/access_codes/get': z.object({ access_code: schemas.access_code, ...ok }),
  '/access_codes/list': z.object({
    access_codes: z.array(schemas.access_code),
    pagination: schemas.pagination,
    ...ok,
  }),
  '/access_codes/update': z.object({ action_attempt: schemas.action_attempt, ...ok }),
  '/access_codes/delete': z.object({ action_attempt: schemas.action_attempt, ...ok }),
  '/access_codes/generate_code': z.object({ generated_code: generatedCode, ...ok }),
  '/access_codes/pull_backup_access_code': z.object({
    access_code: schemas.access_code,
    backup_access_code: schemas.access_code,
    ...ok,
  }),
  '/access_codes/unmanaged/list': z.object({
    access_codes: z.array(schemas.unmanaged_access_code),
    pagination: schemas.pagination,
    ...ok,
  }),
  '/access_codes/unmanaged/get': z.object({ access_code: schemas.unmanaged_access_code, ...ok }),
  '/access_codes/simulate/create_unmanaged_access_code': z.object({
    access_code: schemas.unmanaged_access_code,
    ...ok,
  }),
  '/action_attempts/get': z.object({ action_attempt: schemas.action_attempt, ...ok }),
  '/events/list': z.object({ events: z.array(schemas.seam_event), ...ok }),
  '/events/get': z.object({ event: schemas.seam_event, ...ok }),
  '/client_sessions/create': z.object({ client_session: schemas.client_session, ...ok }),
  '/client_sessions/get_or_create': z.object({ client_session: schemas.client_session, ...ok }),
  '/client_sessions/get': z.object({ client_session: schemas.client_session, ...ok }),
  '/webhooks/create': z.object({ webhook, ...ok }),
  '/webhooks/get': z.object({ webhook, ...ok }),
  '/webhooks/list': z.object({ webhooks: z.array(webhook), ...ok }),
  '/webhooks/update': empty,
  '/webhooks/delete': empty,
};

/** The error body `@seamapi/http` decodes (`api-error-types.ts`). */
export const errorSchema = z
  .object({
    error: z
      .object({
        type: z.string().regex(/^[a-z_]+$/),
        message: z.string().min(10),
        data: z.unknown().optional(),
        validation_errors: z.record(z.object({ _errors: z.array(z.string()) })).optional(),
      })
      .strict(),
    ok: z.literal(false),
  })
  .strict();

/** Routes whose responses are checked; anything else (control routes) is ours, not Seam's. */
export function isSeamRoute(path: string): boolean {
  return path in responseSchemas;
}

/** Parses a Seam route's response body; fails the test on any mismatch or dropped field. */
export function expectSeamShape(path: string, status: number, body: unknown): void {
  if (status >= 400) {
    const parsed = errorSchema.safeParse(body);
    expect(parsed.success, `${path} ${status} error body: ${parsed.error?.message ?? ''}`).toBe(
      true,
    );
    return;
  }
  const schema = responseSchemas[path];
  if (schema === undefined) throw new Error(`No response schema for ${path}`);
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw new Error(
      `${path} response does not match @seamapi/types: ${JSON.stringify(parsed.error.issues.slice(0, 5), null, 2)}`,
    );
  }
  // zod drops keys it does not know: an equal result proves every field is one Seam has.
  expect(parsed.data, `${path}: a field in the response is unknown to @seamapi/types`).toEqual(
    body,
  );
}
