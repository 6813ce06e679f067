// The forms of a member's row (their role, their access, removing them) and "Leave" share the page with the
// invitation form: each error is keyed to the field or button it concerns (`role-<membership id>`,
// `remove-<membership id>`, `leave`…), so the page shows it next to that row or button and the error summary links
// there, never under the invitation form's own "Role". What concerns no row on the page (a member gone meanwhile)
// stays the form's.
import type { SubmissionResult } from "@conform-to/react";
import type { FieldErrors } from "~/ui/form.tsx";

export type RowErrors = Record<string, FieldErrors>;

// the id of a row's field (its role select) or button, which its error is keyed to
export const rowFieldId = (name: string, membershipId: string) => `${name}-${membershipId}`;

const ROW_INTENTS = new Set(["change-role", "remove", "partnership-access", "survey-access"]);

/** A refused submission's errors, keyed to the row field or button each concerns. */
export function placed(reply: SubmissionResult<string[]>): SubmissionResult<string[]> {
  const sent = reply.initialValue ?? {};
  const intent = typeof sent.intent === "string" ? sent.intent : null;
  const membershipId = typeof sent.membershipId === "string" ? sent.membershipId : null;
  if (!reply.error || !intent) return reply;
  const keyFor = (name: string) => {
    if (intent === "leave") return "leave";
    if (!ROW_INTENTS.has(intent) || !membershipId) return name;
    if (name === "role") return rowFieldId("role", membershipId);
    if (name === "member" || name === "access") return rowFieldId(intent, membershipId);
    return name === "membershipId" ? "form" : name;
  };
  const error: Record<string, string[] | null> = {};
  for (const [name, messages] of Object.entries(reply.error)) {
    const key = keyFor(name);
    error[key] = [...(error[key] ?? []), ...(messages ?? [])];
  }
  return { ...reply, error };
}

// An error next to the row's field or button it concerns, as the form fields show theirs (app/ui/form.tsx).
export function RowError({ id, errors }: { id: string; errors?: FieldErrors }) {
  if (!errors?.length) return null;
  return (
    <p id={`${id}-error`} className="mb-1 basis-full font-bold text-error">
      <span className="sr-only">Error: </span>
      {errors[0]}
    </p>
  );
}

// The select of a refused role is marked invalid; a button (not a field) is only described by its error.
export function invalid(id: string, errors: RowErrors) {
  return errors[id]?.length ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {};
}

export function describedBy(id: string, errors: RowErrors) {
  return errors[id]?.length ? { "aria-describedby": `${id}-error` } : {};
}
