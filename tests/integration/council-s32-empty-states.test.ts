// A council new to the portal (no contracts yet) opened its contracts list and read "No contracts match these
// filters." with no filter chosen: nothing said the list was empty because nothing had been added yet, or what to
// do first. It now says so and links to registering and importing contracts.
import { beforeAll, describe, expect, it } from "vitest";
import { createCouncil, createMember, createPartnership, unique } from "../helpers/factories.ts";
import { pageHtmlAs, readableMainText } from "../helpers/render-page.ts";

let officer: { id: string };

beforeAll(async () => {
  const partnership = await createPartnership();
  const council = await createCouncil({ name: unique("New Council"), partnershipId: partnership.id });
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
});
