/**
 * What a button of the return form asks for. Every one sends the whole form, so what the supplier typed is
 * saved (as a draft) with the files they chose, whichever button they pressed.
 */
export type Command =
  | { kind: "save" | "submit" }
  | { kind: "upload"; commitmentId: string }
  | { kind: "remove-evidence"; evidenceId: string };

/** The button's `intent` value read as a command, or null for anything the form never sends. */
export function readCommand(intent: FormDataEntryValue | null): Command | null {
  if (typeof intent !== "string") return null;
  const [kind, target, ...rest] = intent.split(":");
  if (rest.length) return null;
  if ((kind === "save" || kind === "submit") && target === undefined) return { kind };
  if (!target) return null;
  if (kind === "upload") return { kind, commitmentId: target };
  if (kind === "remove-evidence") return { kind, evidenceId: target };
  return null;
}
