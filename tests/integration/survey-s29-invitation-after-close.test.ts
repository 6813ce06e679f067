// Found in the s29 survey QA: the invitation email is the one link a business invited by email has to the survey.
// Followed again after the survey closed, it said "This invitation link does not work … the survey may have closed",
// though the survey's page now tells a business it was open to when it closed and whether its answers arrived. The
// business the link was bound to is taken there; any other business is still told the link does not work. A link
// replaced by a newer one said only that it had been used by another business or the survey had closed: it now
// says a newer link may have been sent.
import { describe, expect, it } from "vitest";
import * as cyclePage from "~/routes/council.survey.$cycleId._index.tsx";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import { createMember, createOrganisation, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { answer, consent, send } from "../helpers/survey-respondent.ts";
import { followInvitation, invitationEmailsTo, officerInviting } from "./survey-invite-world.ts";

describe("an invitation link followed after the survey closed", () => {
  it("takes the business it was for to the survey's page, which says what became of its answers", async () => {
    const { council, cycle, cookie, path, address, sendInvitation } = await officerInviting(
      "ZZ98",
      "after-close",
    );
    expect((await sendInvitation({})).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(address);
    const business = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "TR1 1AA",
    });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    expect((await followInvitation(token, owner)).headers.get("location")).toBe(`/survey/${cycle.id}`);
    await consent(cycle.id, owner);
    await answer(cycle.id, owner, "age", { age: "PREFER_NOT_TO_SAY" });
    await send(cycle.id, owner);

    const closed = await callAction(cyclePage.action, {
      path,
      params: { cycleId: cycle.id },
      cookie,
      form: { intent: "close", confirmClose: "yes" },
    });
    expect(closed.status).toBe(302);

    const again = await followInvitation(token, owner);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(`/survey/${cycle.id}`);
    const page = await jsonOf<{ closed: { answers: string } | null }>(
      await callLoader(explainer.loader, {
        path: `/survey/${cycle.id}`,
        params: { cycleId: cycle.id },
        cookie: owner,
      }),
    );
    expect(page.closed?.answers).toBe("mine");

    // another business holding the forwarded email learns nothing
    const stranger = await createOrganisation({
      kind: "SUPPLIER",
      councilId: council.id,
      registeredPostcode: "TR1 1AA",
    });
    const strangerOwner = await sessionCookieFor((await createMember(stranger.id, "OWNER")).id);
    expect((await followInvitation(token, strangerOwner)).status).toBe(404);
  });

  it("a link not followed before the close still does not work", async () => {
    const { council, path, cycle, cookie, address, sendInvitation } = await officerInviting(
      "ZZ97",
      "never-followed",
    );
    expect((await sendInvitation({})).status).toBe(302);
    const [{ token }] = await invitationEmailsTo(address);
    await callAction(cyclePage.action, {
      path,
      params: { cycleId: cycle.id },
      cookie,
      form: { intent: "close", confirmClose: "yes" },
    });
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    expect((await followInvitation(token, owner)).status).toBe(404);
  });
});

describe("a link replaced by a newer one", () => {
  it("says a newer link may have been sent", async () => {
    const { council, address, sendInvitation } = await officerInviting("ZZ96", "replaced");
    expect((await sendInvitation({})).status).toBe(302);
    expect((await sendInvitation({})).status).toBe(302);
    const [{ token: old }] = await invitationEmailsTo(address);
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const owner = await sessionCookieFor((await createMember(business.id, "OWNER")).id);
    const page = await renderPage(`/survey/invitation/${old}`, owner);
    expect(page.status).toBe(404);
    expect(readableText(await page.text())).toContain(
      "The council may have sent you a newer link: use the one in its latest email.",
    );
  });
});
