// A date filter of the audit log in a year the dates are not read in (before 1990, after 2100: 1900, or 2206 typed
// for 2026) was told "Enter a real date", though 1 January 1900 is one: the admin was left to guess what was wrong.
// It is now told the years a date may be in, as the contract forms say; a day not on the calendar is still told
// to enter a real date.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let cookie: string;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("councilAdmin"));
});

const errorsFor = async (search: string) =>
  (
    await jsonOf<{ errors: Record<string, string[]> }>(
      await callLoader(auditLoader, { path: `/council/audit?${search}`, cookie }),
    )
  ).errors;

describe("the audit log's date filters", () => {
  it("say which years a real date out of range may be in", async () => {
    expect(await errorsFor("from=1900-01-01&to=01/01/2206")).toEqual({
      from: ["Enter a start date between 1990 and 2100"],
      to: ["Enter an end date between 1990 and 2100"],
    });
  });

  it("still ask for a real date when the day is not on the calendar", async () => {
    expect(await errorsFor("from=31/02/2026&to=2026-02-31")).toEqual({
      from: ["Enter the start date as a real date, for example 27/03/2027"],
      to: ["Enter the end date as a real date, for example 27/03/2027"],
    });
  });
});
