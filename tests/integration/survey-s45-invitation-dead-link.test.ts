// Found in the s45 QA: a survey invitation link that does not work (made up, already used by another business, or
// of a survey that has closed) told someone signed out that a council had invited their business and to create an
// account and register it, and someone signed in with no business to add theirs first. Only a business was told the
// link does not work, so a person signed up, confirmed, registered a business and only then learnt it. The link is
// now looked at first, for everyone: it is said not to work (404, as for a business), with why as far as that can
// be told without saying whose it is, and nothing offers signing up or registering. A good link still does.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { hashInvitationToken } from "~/domain/survey/cycles.server.ts";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import { createMember, createOrganisation, createUser, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

const decoded = (html: string) => html.replace(/&amp;/g, "&");

async function page(token: string, cookie?: string) {
  const response = await renderPage(`/survey/invitation/${token}`, cookie);
  const whole = decoded(await response.text());
  // the page's own part: the header has its own sign-in and sign-up links
  const html = whole.slice(whole.indexOf("<main"), whole.indexOf("</main>"));
  return { status: response.status, html, text: readableMainText(whole) };
}

const links: { bogus: string; used: string; closed: string; good: string } = {
  bogus: "totallybogustoken",
  used: "",
  closed: "",
  good: "",
};
let signedInWithoutBusiness = "";
let supplier = "";

beforeAll(async () => {
  // a link a business has taken up (bound to it), and a link still waiting, in an open survey
  const open = await officerInviting("ZZ45", "s45-open");
  await open.sendInvitation({});
  [{ token: links.used }] = await invitationEmailsTo(open.address);
  const follower = await createOrganisation({ kind: "SUPPLIER", councilId: open.council.id });
  const followerOwner = await sessionCookieFor((await createMember(follower.id, "OWNER")).id);
  expect((await followInvitation(links.used, followerOwner)).headers.get("location")).toBe(
    `/survey/${open.cycle.id}`,
  );
  const waiting = await officerInviting("ZZ46", "s45-waiting");
  await waiting.sendInvitation({});
  [{ token: links.good }] = await invitationEmailsTo(waiting.address);

  // a link no one followed before its survey closed
  const shut = await officerInviting("ZZ47", "s45-closed");
  await shut.sendInvitation({});
  [{ token: links.closed }] = await invitationEmailsTo(shut.address);
  const closed = await callAction(cyclePage.action, {
    path: shut.path,
    params: { cycleId: shut.cycle.id },
    cookie: shut.cookie,
    form: { intent: "close", confirmClose: "yes" },
  });
  expect(closed.status).toBe(302);

  signedInWithoutBusiness = await sessionCookieFor((await createUser({ verified: true })).id);
  const business = await createOrganisation({ kind: "SUPPLIER", councilId: shut.council.id });
  supplier = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
});

const who = () => ({
  "signed out": undefined,
  "signed in without a business": signedInWithoutBusiness,
  "a supplier": supplier,
});
const people = ["signed out", "signed in without a business", "a supplier"] as const;

describe.each(people)("a link that does not work, followed by someone %s", (person) => {
  it.each([
    ["made up", "bogus", "We do not recognise this link."],
    // (taken up, not necessarily answered: decision 055)
    ["already taken up by a business", "used", "A business has already taken up this link"],
    [
      "of a survey that has closed",
      "closed",
      "The survey this link is for has closed, so it no longer takes answers.",
    ],
  ] as const)(
    "%s is said not to work, and why, and offers no signing up or registering",
    async (_, link, why) => {
      const { status, html, text } = await page(links[link], who()[person]);
      expect(status).toBe(404);
      expect(text).toContain("This invitation link does not work");
      expect(text).toContain(why);
      expect(text).not.toContain("A council has invited your business");
      expect(text).not.toContain("Add your business");
      expect(html).not.toContain('href="/sign-up');
      expect(html).not.toContain('href="/organisations/new');
    },
  );
});

describe("signed out, a used or closed link", () => {
  it("offers signing in (it may be their own business's), back to the link", async () => {
    for (const token of [links.used, links.closed]) {
      const { html } = await page(token);
      expect(html).toContain(
        `href="/sign-in?redirectTo=${encodeURIComponent(`/survey/invitation/${token}`)}"`,
      );
    }
    expect((await page(links.bogus)).html).not.toContain('href="/sign-in?redirectTo=%2Fsurvey');
  });
});

describe("a link still waiting for its business", () => {
  it("signed out, still offers signing in and creating an account", async () => {
    const here = `/survey/invitation/${links.good}`;
    const { status, html, text } = await page(links.good);
    expect(status).toBe(200);
    expect(text).toContain("A council has invited your business");
    expect(html).toContain(`href="/sign-in?redirectTo=${encodeURIComponent(here)}"`);
    expect(html).toContain(
      `href="/sign-up?redirectTo=${encodeURIComponent(`/organisations/new/supplier?redirectTo=${encodeURIComponent(here)}`)}"`,
    );
  });

  it("sent to a registered business (tied to it when sent) and not followed yet, signed out, still offers signing in", async () => {
    const sent = await officerInviting("ZZ48", "s45-tied");
    const { business, token } = await sent.inviteEligibleBusiness();
    // "Invite eligible businesses" writes each link already tied to its business: it waits for it, never taken up
    expect(
      await db.surveyInvitation.findUniqueOrThrow({
        where: { tokenHash: hashInvitationToken(token) },
        select: { organisationId: true, usedAt: true },
      }),
    ).toEqual({ organisationId: business.id, usedAt: null });
    const here = `/survey/invitation/${token}`;
    const { status, html, text } = await page(token);
    expect(status).toBe(200);
    expect(text).toContain("A council has invited your business");
    expect(html).toContain(`href="/sign-in?redirectTo=${encodeURIComponent(here)}"`);
  });

  it("signed in without a business, still offers adding it", async () => {
    const { status, text } = await page(links.good, signedInWithoutBusiness);
    expect(status).toBe(200);
    expect(text).toContain("Add your business first");
    // nothing was used up by looking
    expect((await page(links.good)).status).toBe(200);
  });
});
