// A council new to the portal (no contracts yet) opened its contracts list and read "No contracts match these
// filters." with no filter chosen: nothing said the list was empty because nothing had been added yet, or what to
// do first. It now says so and links to registering and importing contracts. Its measure library, categories and
// districts said only "Nothing to show."; each now says there are none yet and what adding one is for. Its
// dashboard said "0 of 0 contracts awarded since … have commitments recorded. See those without", with links to
// three empty lists; it now says no contract has been awarded in that time.
import { beforeAll, describe, expect, it } from "vitest";
import { createCouncil, createMember, createPartnership, unique } from "../helpers/factories.ts";
import { pageHtmlAs, readableMainText } from "../helpers/render-page.ts";

let admin: { id: string };
let officer: { id: string };

beforeAll(async () => {
  const partnership = await createPartnership();
  const council = await createCouncil({ name: unique("New Council"), partnershipId: partnership.id });
  admin = await createMember(council.id, "ADMIN");
  officer = await createMember(council.id, "OFFICER");
});

const textOf = async (location: string, userId: string) =>
  readableMainText(await pageHtmlAs(location, userId));

describe("a council's lists before anything is added", () => {
  it("the contracts list says the council has none yet and links to registering and importing", async () => {
    const html = await pageHtmlAs("/contracts", officer.id);
    const text = readableMainText(html);
    expect(text).toContain("Your council has no contracts on the portal yet.");
    expect(text).not.toContain("No contracts match these filters.");
    expect(html).toMatch(
      /<a [^>]*href="\/contracts\/new"[^>]*>Register a contract<\/a> or <a [^>]*href="\/contracts\/import"/,
    );
  });

  it("the contracts list still says nothing matches when a filter is chosen", async () => {
    const text = await textOf("/contracts?q=Nowhere", officer.id);
    expect(text).toContain("No contracts match these filters.");
    expect(text).not.toContain("no contracts on the portal yet");
  });

  it("the measure library says it has none yet: to the admin, to add one; to an officer, who adds them", async () => {
    const forAdmin = await textOf("/council/measures", admin.id);
    expect(forAdmin).toContain(
      "Your council’s library has no measures yet. Add a measure: every social value commitment on a contract is recorded against one.",
    );
    expect(forAdmin).not.toContain("Nothing to show.");
    const forOfficer = await textOf("/council/measures", officer.id);
    expect(forOfficer).toContain(
      "no social value commitment can be recorded on a contract. A council admin adds them.",
    );
  });

  it("the categories and districts pages say there are none yet and what they are for", async () => {
    const categories = await textOf("/council/categories", officer.id);
    expect(categories).toContain("Your council has no categories yet. Add one below:");
    expect(categories).not.toContain("Nothing to show.");
    const districts = await textOf("/council/districts", officer.id);
    expect(districts).toContain("Your council has no districts yet. Add one below:");
    expect(districts).not.toContain("Nothing to show.");
  });

  it("the dashboard says no contract has been awarded in the year, not '0 of 0 contracts'", async () => {
    const html = await pageHtmlAs("/council/dashboard", officer.id);
    const text = readableMainText(html);
    expect(text).toMatch(
      /No contract has been awarded since \d{1,2} [A-Z][a-z]+ \d{4}, so there is nothing to measure yet\./,
    );
    expect(text).not.toContain("0 of 0 contracts");
    expect(text).not.toContain("See those without");
  });
});
