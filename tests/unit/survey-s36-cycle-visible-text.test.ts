// Found in the s36 survey QA: a survey could be opened with a privacy notice or a DPIA reference made only of
// characters that show nothing (zero-width spaces, pasted from another document): every business was then asked to
// agree to take part under an empty privacy notice. Each now needs characters a reader can see.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { cycleSchema } from "~/domain/survey/schemas.ts";

const HIDDEN = "\u200B".repeat(25);

function errorsOf(fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const submission = parseWithZod(form, { schema: cycleSchema });
  return (submission.status === "success" ? {} : (submission.reply().error ?? {})) as Record<
    string,
    string[] | null
  >;
}

describe("opening a survey", () => {
  it("refuses a privacy notice that shows nothing", () => {
    expect(errorsOf({ privacyNotice: HIDDEN }).privacyNotice).toEqual([
      "The privacy notice must contain letters, numbers or other characters you can see",
    ]);
  });

  it("refuses a DPIA reference that shows nothing", () => {
    expect(errorsOf({ dpiaReference: "\u200B\u2060" }).dpiaReference).toEqual([
      "The reference must contain letters, numbers or other characters you can see",
    ]);
  });

  it("takes a privacy notice and reference with words in them", () => {
    const errors = errorsOf({
      privacyNotice: "We use your answers to plan Meet the Buyer events.",
      dpiaReference: "DPIA-2027-001",
    });
    expect(errors.privacyNotice ?? null).toBeNull();
    expect(errors.dpiaReference ?? null).toBeNull();
  });
});
