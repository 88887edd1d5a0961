import type { CapabilityReason, DraftIssue } from '@seam-codes/core';
import { guidanceRef, type IssueParams, type Strings } from './strings/index.js';

/** What an issue's text may need besides its code: the lock's limits, the language. */
export interface IssueContext {
  /** PIN lengths the lock(s) take. */
  readonly lengths: readonly number[];
  readonly nameMin: number | null;
  readonly nameMax: number | null;
  readonly maxCodes: number | null;
  readonly codeCount: number;
  readonly locale: string;
}

/** "4 to 8", "4 or 6", "6" in the given language. */
export function formatLengths(lengths: readonly number[], locale: string, or: string): string {
  if (lengths.length === 0) return '–';
  const first = lengths[0] as number;
  const last = lengths[lengths.length - 1] as number;
  if (lengths.length > 2 && last - first === lengths.length - 1) return `${first}–${last}`;
  return new Intl.ListFormat(locale, { type: or === 'or' ? 'disjunction' : 'conjunction' }).format(
    lengths.map(String),
  );
}

/**
 * A finding of `validateCodeDraft` in the user's language. Core's English sentences are the
 * reference; a language table overrides them by the finding's stable `code` (and, where one code
 * serves two fields, `field:code`), and falls back to core's sentence for a code it lacks.
 */
export function issueText(issue: DraftIssue, t: Strings, context: IssueContext): string {
  const text = t.issues[`${issue.field}:${issue.code}`] ?? t.issues[issue.code];
  if (text === undefined) {
    // Device findings carry the capability reason's code.
    return (issue.field === 'device' ? localReason(issue.code, t) : undefined) ?? issue.message;
  }
  const params: IssueParams = {
    lengths: formatLengths(context.lengths, context.locale, 'or'),
    nameMin: context.nameMin ?? 0,
    nameMax: context.nameMax ?? 0,
    maxCodes: context.maxCodes ?? 0,
    codeCount: context.codeCount,
    message: issue.message,
  };
  return text(params);
}

/**
 * A capability reason's text in the table's language, or undefined when it has none: our own
 * reasons first, then the guidance for the device error or warning of that code.
 */
export function localReason(code: string, t: Strings): string | undefined {
  if (t.reasons[code] !== undefined) return t.reasons[code];
  for (const scope of ['device', 'connected_account']) {
    for (const kind of ['error', 'warning']) {
      const entry = guidanceRef(`${scope}.${kind}.${code}`);
      if (entry !== undefined) return t.guidance[entry.textKey]?.[1];
    }
  }
  return undefined;
}

/** Why a lock cannot (or may not) take a code, in the user's language; Seam's words otherwise. */
export function reasonText(reason: CapabilityReason, t: Strings): string {
  return localReason(reason.code, t) ?? reason.message;
}
