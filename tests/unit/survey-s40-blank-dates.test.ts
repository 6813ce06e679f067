// The survey cycle form told an officer who left a date box empty to enter it "as a real date", as if what they typed
// were wrong (found walking the form without JavaScript): an empty box is now asked for, and a date that does not
// exist is still told to be a real one.
import { describe, expect, it } from "vitest";
import { cycleSchema } from "~/domain/survey/schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";

function dateErrors(opensOn: string, closesOn: string) {
  const form = new FormData();
  form.set("opensOn", opensOn);
  form.set("closesOn", closesOn);
  form.set("privacyNotice", "We use your answers to plan supplier engagement.");
  form.set("dpiaReference", "DPIA-1");
  form.set("retentionMonths", "24");
  const submission = parseForm(form, { schema: cycleSchema });
  const errors = submission.reply().error ?? {};
  return { opensOn: errors.opensOn, closesOn: errors.closesOn };
}

describe("the survey cycle form's date boxes", () => {
  it("asks for a date left empty", () => {
    const { opensOn, closesOn } = dateErrors("", "");
    expect(opensOn).toEqual(["Enter the date the survey opens, for example 27/03/2027"]);
    expect(closesOn).toHaveLength(1);
    expect(closesOn![0]).toMatch(/^Enter the date the survey closes, for example \d\d\/\d\d\/\d{4}$/);
  });

  it("tells a date that does not exist to be a real one", () => {
    const { opensOn, closesOn } = dateErrors("31/02/2027", "30/02/2027");
    expect(opensOn).toEqual(["Enter the date the survey opens as a real date, for example 27/03/2027"]);
    expect(closesOn![0]).toMatch(/^Enter the date the survey closes as a real date, for example /);
  });
});
