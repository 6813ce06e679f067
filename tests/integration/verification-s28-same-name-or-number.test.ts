// An organisation the council rejected is told it can register again with corrected details; its second
// registration reached the officer as a fresh one, with nothing to say the same Companies House number had been
// rejected a month before, or why, nor that a verified supplier already used that number or name. The
// verification page now lists other registrations with the officer's council under the same name or number.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
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

describe("the verification page of a second registration", () => {
  it("lists the earlier, rejected registration with the same Companies House number and why", async () => {
    const companyNumber = number();
    const rejected = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      companyNumber,
      status: "REJECTED",
    });
    await db.organisation.update({
      where: { id: rejected.id },
      data: { rejectionReason: "The registered postcode is not the one Companies House holds" },
    });
    const again = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      companyNumber,
      status: "PENDING",
    });
    const text = await officerSees(again.id);
    expect(text).toContain("Other registrations with the same name or number");
    expect(text).toContain(rejected.name);
    expect(text).toContain("Companies House number");
    expect(text).toContain("Rejected");
    expect(text).toContain("The registered postcode is not the one Companies House holds");
  });

  it("lists a verified group of the same name, in any case", async () => {
    const name = unique("Riverside Food Bank");
    const verified = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id, name });
    const again = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      name: name.toUpperCase(),
      status: "PENDING",
    });
    const text = await officerSees(again.id);
    expect(text).toContain("Other registrations with the same name or number");
    expect(text).toContain(verified.name);
    expect(text).toContain("Verified");
  });

  it("leaves out another council's registrations and says nothing when there are none", async () => {
    const companyNumber = number();
    const elsewhere = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilB.id,
      companyNumber,
    });
    const here = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      companyNumber,
      status: "PENDING",
    });
    const text = await officerSees(here.id);
    expect(text).not.toContain(elsewhere.name);
    expect(text).not.toContain("Other registrations with the same name or number");
  });
});

// The "What matches" cell joined its words with a comma ("Name, Charity or company number"): it lists them in
// words, as a sentence does.
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
