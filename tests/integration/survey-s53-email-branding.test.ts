// The survey's emails carry their council's name and brand colour in their header, read as the marketplace's emails
// read them (emailBrandingOf): the invitation, and the email saying the answers were sent. The cancellation email's
// colour is held by survey-s39-cancel-withdraws-emails.test.ts.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createSurveyCycle,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { officerInviting } from "./survey-invite-world.ts";

const colour = (councilId: string, brandColour: string) =>
  db.councilSettings.update({ where: { organisationId: councilId }, data: { brandColour } });

describe("the survey invitation", () => {
  it("names the council and draws its header in the council's brand colour", async () => {
    const { council, address, sendInvitation } = await officerInviting("ZZ53", "branded");
    await colour(council.id, "#5a2d82");
    expect((await sendInvitation({})).status).toBe(302);
    const sent = await db.emailOutbox.findFirstOrThrow({
      where: { to: address, template: "survey-invitation" },
    });
    expect(sent.html).toContain("#5a2d82");
    expect(sent.html).toContain(council.name);
  });
});

describe("the email saying the answers were sent", () => {
  it("names the council and draws its header in the council's brand colour", async () => {
    const council = await createCouncil();
    await colour(council.id, "#1f5c3a");
    const cycleId = (await createSurveyCycle({ councilId: council.id, year: 2026 })).id;
    const business = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
    const user = await createMember(business.id, "OWNER");
    const cookie = await sessionCookieFor(user.id);
    const post = (path: string, action: typeof explainer.action, form = {}) =>
      callAction(action, { path: `/survey/${cycleId}${path}`, params: { cycleId }, cookie, form });
    await post("", explainer.action, { consent: "yes" });
    expect((await post("/check-answers", checkAnswers.action)).status).toBe(302);
    const sent = await db.emailOutbox.findFirstOrThrow({
      where: { to: user.email, template: "survey-submitted" },
    });
    expect(sent.html).toContain("#1f5c3a");
    expect(sent.html).toContain(council.name);
  });
});
