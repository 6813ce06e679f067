// The "What matches" column of the same-name-or-number table joined its words with a comma ("Name, Charity or
// company number"), where a sentence says "Name and charity or company number", as listInWords writes lists.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { createOrganisation, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const number = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));

async function officerSees(organisationId: string) {
  const page = await renderPage(
    `/council/verification/${organisationId}`,
    await sessionCookieFor(world.users.officerA.id),
  );
  expect(page.status).toBe(200);
  return readableMainText(await page.text());
}

describe("what matches another registration", () => {
  it("says both in words when the name and the number match", async () => {
    const name = unique("Hillside Youth Trust");
    const charityNumber = number();
    const verified = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      name,
      charityNumber,
    });
    const again = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      name,
      charityNumber,
      status: "PENDING",
    });
    const text = await officerSees(again.id);
    expect(text).toContain(`${verified.name} Name and charity or company number Verified`);
  });

  it("starts with a capital when only the number matches", async () => {
    const companyNumber = number();
    const other = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      companyNumber,
    });
    const again = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      companyNumber,
      status: "PENDING",
    });
    expect(await officerSees(again.id)).toContain(`${other.name} Companies House number Verified`);
  });
});
