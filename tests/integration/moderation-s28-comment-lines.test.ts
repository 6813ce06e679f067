// An officer asking for changes writes them one to a line ("Please fix:", "1. …", "2. …"), as a browser sends a
// textarea (CRLF). The requestor's email ran them together as one sentence, in the HTML and the plain text, and so
// did the manage and edit pages, where a long pasted link also ran off the side of a phone's screen.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const LINES = ["Please fix:", "1. the title says <b>who</b> it is for", "2. the date"];

async function decide(intent: "approve" | "requestChanges") {
  const officer = await sessionCookieFor(world.users.officerA.id);
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "SUBMITTED",
  });
  const sent = await postPage(
    `/council/moderation/${need.id}`,
    formOf({ intent, comment: LINES.join("\r\n") }),
    officer,
  );
  expect(sent.status).toBe(302);
  const email = await db.emailOutbox.findFirstOrThrow({
    where: {
      to: world.users.vcseOwner.email,
      template: `marketplace.${intent}`,
      subject: { contains: need.title },
    },
    select: { html: true, text: true },
  });
  return { need, email };
}

// the comment's text as it stands in a page or email's HTML, with the line breaks it is shown with
const escaped = (line: string) => line.replaceAll("<", "&lt;").replaceAll(">", "&gt;");

describe("an officer's comment written over several lines", () => {
  it("reaches the requestor's email line by line when changes are requested", async () => {
    const { email } = await decide("requestChanges");
    expect(email.text).toContain(LINES.join("\n"));
    expect(email.html).toContain(LINES.map(escaped).join("<br/>"));
  });

  it("reaches the requestor's email line by line when the request is approved", async () => {
    const { email } = await decide("approve");
    expect(email.text).toContain(LINES.join("\n"));
    expect(email.html).toContain(LINES.map(escaped).join("<br/>"));
  });

  it("is shown line by line, wrapping long words, on the requestor's manage and edit pages", async () => {
    const { need } = await decide("requestChanges");
    const owner = await sessionCookieFor(world.users.vcseOwner.id);
    for (const page of [`/requests/${need.id}/manage`, `/requests/${need.id}/edit`]) {
      const response = await renderPage(page, owner);
      expect(response.status).toBe(200);
      const html = await response.text();
      const shown = /<span class="([^"]*)">Please fix:/.exec(html);
      expect(shown?.[1]).toContain("whitespace-pre-line");
      expect(shown?.[1]).toContain("break-words");
    }
  });
});
