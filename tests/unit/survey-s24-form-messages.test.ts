// Hand-made survey forms (an `intent` no page sends, a field missing or not one the page offers) were answered with
// zod's own words: "Invalid input", "Invalid option: expected one of …", "Too big: expected string to have <=100
// characters" (s24). Every such field now has a message in plain English saying what to do.
import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { topicBySlug } from "~/domain/survey/questions.ts";
import { cycleActionSchema, surveyAccessSchema, topicSchema } from "~/domain/survey/schemas.ts";

function errorsOf(schema: z.ZodType, fields: Record<string, string | string[]>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(name, v);
  const submission = parseWithZod(form, { schema });
  if (submission.status === "success") throw new Error("expected the form to be refused");
  return (submission.reply().error ?? {}) as Record<string, string[] | null>;
}

// what zod says when nobody chose the words
const ZODS_OWN = /Invalid|expected|Too big|Too small|received/;

function expectPlainEnglish(errors: Record<string, string[] | null>) {
  const messages = Object.values(errors).flatMap((m) => m ?? []);
  expect(messages.length).toBeGreaterThan(0);
  for (const message of messages) expect(message).not.toMatch(ZODS_OWN);
}

const topic = (slug: string) => topicSchema(topicBySlug(slug)!);

describe("hand-made survey forms", () => {
  it("the council's cycle page: an intent it does not send, or none", () => {
    for (const fields of [{ intent: "delete-everything" }, {}] as Record<string, string>[]) {
      const errors = errorsOf(cycleActionSchema, fields);
      expectPlainEnglish(errors);
      expect(errors.intent).toEqual([
        'Choose "Invite eligible businesses", "Send invitation", "Close the survey" or "Cancel this survey": the form sent none of these, so reload the page and try again',
      ]);
    }
  });

  it("the council's cycle page: a form key or an address longer than the page makes", () => {
    const errors = errorsOf(cycleActionSchema, {
      intent: "invite-email",
      email: "a@example.com",
      submissionKey: "k".repeat(101),
    });
    expectPlainEnglish(errors);
    expect(errors.submissionKey).toEqual([
      "This form's key is not one this page made: reload the page and try again",
    ]);
    const long = errorsOf(cycleActionSchema, {
      intent: "invite-email",
      email: `${"a".repeat(250)}@example.com`,
    });
    expectPlainEnglish(long);
  });

  it("the council's members page: the survey access form without its fields", () => {
    const errors = errorsOf(surveyAccessSchema, { intent: "something-else" });
    expectPlainEnglish(errors);
    expect(errors.intent).toEqual([
      "The form did not say to change survey access: reload the page and try again",
    ]);
    expect(errors.membershipId).toEqual([
      "The form did not say whose survey access to change: reload the page and try again",
    ]);
    expectPlainEnglish(
      errorsOf(surveyAccessSchema, {
        intent: "survey-access",
        membershipId: "m".repeat(41),
        access: "grant",
      }),
    );
  });

  it("a question page: a button it does not have", () => {
    const errors = errorsOf(topic("age"), { intent: "submit-everything" });
    expectPlainEnglish(errors);
    expect(errors.intent).toEqual(['Choose "Save and continue" or "Save and come back later"']);
  });

  it("a question page: an ethnic background not in the list", () => {
    const errors = errorsOf(topic("ethnic-background"), { ethnicBackground: "MARTIAN" });
    expectPlainEnglish(errors);
    expect(errors.ethnicBackground).toEqual(["Select an answer from the list for the ethnic background"]);
  });

  it("a question page: a 'Prefer not to say' box sending something else", () => {
    const errors = errorsOf(topic("council-could-do"), { councilCouldDoPreferNot: "on" });
    expectPlainEnglish(errors);
    expect(errors.councilCouldDoPreferNot?.[0]).toMatch(
      /^Select "Prefer not to say" for ".+", or leave it unselected$/,
    );
  });

  it("a question page: an answer not in the list", () => {
    expectPlainEnglish(errorsOf(topic("age"), { age: "A_THOUSAND" }));
    expectPlainEnglish(errorsOf(topic("barriers"), { barriers: ["ALIENS"] }));
  });
});
