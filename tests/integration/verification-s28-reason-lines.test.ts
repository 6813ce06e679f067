// An officer rejecting an organisation lists what they could not check, one to a line. The owners' email ran the
// list together as one sentence (HTML and plain text), and so did the organisation's own page, where a long pasted
// link also ran off the side of a phone's screen.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const LINES = ["We could not find:", "- the company number at <i>Companies House</i>", "- the postcode"];

describe("a rejection reason written over several lines", () => {
  it("reaches the owners' email and the organisation's page line by line", async () => {
    const organisation = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const owner = await createUser();
    await addMember(organisation.id, owner.id, "OWNER");
    const officer = await sessionCookieFor(world.users.officerA.id);
    const sent = await postPage(
      `/council/verification/${organisation.id}`,
      formOf({ intent: "reject", reason: LINES.join("\r\n") }),
      officer,
    );
    expect(sent.status).toBe(302);

    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: owner.email },
      select: { html: true, text: true },
    });
    expect(email.text).toContain(LINES.join("\n"));
    expect(email.html).toContain(
      LINES.map((l) => l.replaceAll("<", "&lt;").replaceAll(">", "&gt;")).join("<br/>"),
    );

    const page = await renderPage(`/organisations/${organisation.id}`, await sessionCookieFor(owner.id));
    expect(page.status).toBe(200);
    const shown = /<span class="([^"]*)">We could not find:/.exec(await page.text());
    expect(shown?.[1]).toContain("whitespace-pre-line");
    expect(shown?.[1]).toContain("break-words");
  });
});
