// The name of an organisation, a council or a partnership, as its form asks for it. No server imports: the forms
// check with it in the browser too.
import { z } from "zod";
import {
  directionControlMessage,
  drawnAsTyped,
  hasVisibleText,
  invisibleTextMessage,
} from "./content/visible-text.ts";

/**
 * A required name of `min` to `max` characters once trimmed, in the words of its field (`label`, "Council name").
 * Spaces only are no name: they are asked for with `missing`, as an empty field is, not called too short.
 */
export function requiredName({
  missing,
  label,
  min,
  max,
}: {
  missing: string;
  label: string;
  min: number;
  max: number;
}) {
  const what = `The ${label.toLowerCase()}`;
  return (
    z
      .string({ error: missing })
      .trim()
      .min(1, { error: missing, abort: true })
      .min(min, `${label} must be ${min} characters or more`)
      .max(max, `${label} must be ${max} characters or fewer`)
      // one too short is told only that
      .refine((v) => v.length < min || hasVisibleText(v), invisibleTextMessage(what))
      // the header, members lists, emails and the audit log show it as typed
      .refine(drawnAsTyped, directionControlMessage(what))
  );
}

/** A council's name, the same wherever it is set: by the platform admin adding the council, and by the council on
 * its settings page (which could not save a name the other allowed: two letters, or 121 to 150). */
export const councilNameField = (missing: string) =>
  requiredName({ missing, label: "Council name", min: 3, max: 120 });
