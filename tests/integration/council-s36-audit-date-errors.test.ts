// Both date filters of the audit log wrong (an edited link, or two slips) showed "Enter a real date, for example
// 27/03/2027" twice in the summary at the top: nothing said which line was the "From" box and which the "To".
// Each message now names its date, as "The end date must be the same as or after the start date" already did.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let cookie: string;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("councilAdmin"));
});

async function summaryOf(search: string) {
  const response = await renderPage(`/council/audit?${search}`, cookie);
  expect(response.status).toBe(200);
  const html = (await response.text()).replace(/<!-- -->/g, "");
  return [...html.matchAll(/<a href="#(from|to)"[^>]*>([^<]*)<\/a>/g)].map(([, field, text]) => ({
    field,
    text,
  }));
}

describe("the audit log's date filters, both wrong", () => {
  it("say in the summary which date each problem is with", async () => {
    expect(await summaryOf("from=2026-13-45&to=abc")).toEqual([
      { field: "from", text: "Enter the start date as a real date, for example 27/03/2027" },
      { field: "to", text: "Enter the end date as a real date, for example 27/03/2027" },
    ]);
  });

  it("say which date is out of the years dates are read in", async () => {
    expect(await summaryOf("from=1900-01-01&to=01/01/2206")).toEqual([
      { field: "from", text: "Enter a start date between 1990 and 2100" },
      { field: "to", text: "Enter an end date between 1990 and 2100" },
    ]);
  });
});
