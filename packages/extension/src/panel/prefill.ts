/**
 * What the panel hands `<seam-code-creator>` from a draft: a name from the guest's first name and
 * the confirmation code (never the full name: it goes to the lock), and the window, as UTC
 * instants when the page gave a zone or offsets, else as wall times the creator reads in the
 * lock's zone. Nothing is filled in for a field the page did not give.
 */
import type { ReservationDraft, WallTime } from '../sites/types.js';

export interface Prefill {
  readonly name: string;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly timeZone: string;
}

const wall = (value: WallTime) => `${value.date}T${value.time}`;

export function prefillOf(draft: ReservationDraft): Prefill {
  const first = draft.guestName?.value.split(' ')[0] ?? '';
  const name = [first, draft.confirmationCode?.value].filter(Boolean).join(' · ');
  let startsAt = '';
  let endsAt = '';
  if (draft.window) ({ startsAt, endsAt } = draft.window);
  else if (
    draft.checkIn &&
    draft.checkOut &&
    'date' in draft.checkIn.value &&
    'date' in draft.checkOut.value
  ) {
    startsAt = wall(draft.checkIn.value);
    endsAt = wall(draft.checkOut.value);
  }
  return { name, startsAt, endsAt, timeZone: draft.timeZone?.value ?? '' };
}
