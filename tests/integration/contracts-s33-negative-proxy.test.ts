// An admin who typed a proxy value below zero ("-5") was told "Enter the value in pounds, for example 14.50", as if
// it were not a number at all: they are now told the proxy value must be £0 or more, next to the field, with what
// they typed kept, and nothing is saved. Anything else that is not an amount is still asked for in pounds.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { PROXY_VALUE_NEGATIVE } from "~/domain/contracts/schemas.ts";
import { createMeasure, createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";

let world: World;
let admin: string;

beforeAll(async () => {
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

const form = (proxyValueGbp: string) => ({
  code: unique("NEG").toUpperCase().slice(0, 20),
  name: "Local people hired",
  theme: "JOBS",
  unit: "HOURS",
  proxyValueGbp,
});

describe("a proxy value below zero", () => {
  it("is refused as below £0 next to the field, with what was typed kept", async () => {
    expect(PROXY_VALUE_NEGATIVE).toBe("The proxy value must be £0 or more");
    for (const typed of ["-5", "-£14.50", "£ -14.50", "\u22123"]) {
      const values = form(typed);
      const response = await postPage("/council/measures/new", formOf(values), admin);
      expect(response.status).toBe(400);
      const html = await response.text();
      expect(html).toMatch(
        new RegExp(
          `<p id="proxyValueGbp-error"[^>]*><span[^>]*>Error:\\s*</span>${PROXY_VALUE_NEGATIVE}</p>`,
        ),
      );
      expect(readableMainText(html)).not.toContain("Enter the value in pounds");
      expect(html).toMatch(new RegExp(`name="proxyValueGbp"[^>]*value="${typed}"`));
      expect(await db.measure.count({ where: { councilId: world.councilA.id, code: values.code } })).toBe(0);
    }
  });

  it("is refused on a measure's edit form too", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS", proxyValueGbp: 9 });
    const response = await postPage(
      `/council/measures/${measure.id}`,
      formOf({ ...form("-1"), code: measure.code, version: measure.updatedAt.toISOString() }),
      admin,
    );
    expect(response.status).toBe(400);
    expect(readableMainText(await response.text())).toContain(`Error: ${PROXY_VALUE_NEGATIVE}`);
    expect(
      (await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).proxyValueGbp?.toString(),
    ).toBe("9");
  });

  it("is not what other text is told", async () => {
    const response = await postPage("/council/measures/new", formOf(form("fourteen")), admin);
    expect(response.status).toBe(400);
    const text = readableMainText(await response.text());
    expect(text).toContain("Error: Enter the value in pounds, for example 14.50");
    expect(text).not.toContain(PROXY_VALUE_NEGATIVE);
  });
});
