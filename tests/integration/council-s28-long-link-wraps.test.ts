// An officer pastes a long link into a comment or a rejection reason (a guidance page, a Companies House search).
// Shown in a request's history or a summary list, the unbroken text did not wrap and ran off the side of a phone's
// screen (WCAG 1.4.10 reflow): the history's reasons and summary lists' values now wrap long words.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import {
  addMember,
  createOrganisation,
  createRequest,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, postPage, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const LINK = `https://www.example.gov.uk/guidance/${"writing-a-good-request-for-help-".repeat(8)}end`;

// the classes of the element whose text starts with the link
const classesAround = (html: string) =>
  new RegExp(`<(?:span|dd) class="([^"]*)">[^<]*${LINK}`).exec(html)?.[1];

describe("a long link in an officer's words", () => {
  it("wraps in the request's history, for the officer and the requestor", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    const officer = await sessionCookieFor(world.users.officerA.id);
    const sent = await postPage(
      `/council/moderation/${need.id}`,
      formOf({ intent: "requestChanges", comment: `Please read ${LINK}` }),
      officer,
    );
    expect(sent.status).toBe(302);
    for (const [page, cookie] of [
      [`/council/moderation/${need.id}`, officer],
      [`/requests/${need.id}/manage`, await sessionCookieFor(world.users.vcseOwner.id)],
    ] as const) {
      const html = await (await renderPage(page, cookie)).text();
      const history = /<span class="([^"]*)">Please read https/.exec(
        html.slice(html.indexOf("timeline-heading")),
      );
      expect(history?.[1]).toContain("break-words");
    }
  });

  it("wraps in the verification page's reason for rejection", async () => {
    const organisation = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    await addMember(organisation.id, (await createUser()).id, "OWNER");
    const officer = await sessionCookieFor(world.users.officerA.id);
    const sent = await postPage(
      `/council/verification/${organisation.id}`,
      formOf({ intent: "reject", reason: LINK }),
      officer,
    );
    expect(sent.status).toBe(302);
    const html = await (await renderPage(`/council/verification/${organisation.id}`, officer)).text();
    expect(classesAround(html)).toContain("break-words");
    expect(classesAround(html)).toContain("min-w-0");
  });
});
