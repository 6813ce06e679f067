// Emails and pages told suppliers and community groups to "contact the council's social value team" without
// saying how: a council could not give an address. Its admins now set one in council settings, and the email
// that tells an organisation it was not verified gives it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { getCouncilSettings } from "~/domain/content/council-settings.server.ts";
import { action as verificationAction } from "~/routes/council.verification.$id.tsx";
import {
  addMember,
  createOrganisation,
  createUser,
  createWorldSignedInAs,
  sessionCookieFor,
  type World,
} from "../helpers/factories.ts";
import { formOf, postPage, readableMainText } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

let world: World;
let cookie: string;

const save = (contactEmail: string) =>
  postPage(
    "/council/settings",
    formOf({
      councilId: world.councilA.id,
      councilName: world.councilA.name,
      contactEmail,
      returnDueDays: "30",
      reminderDaysBefore: "7",
      overdueReminderDays: "7",
      brandColour: "#1d3d7a",
      proxyValueSource: "",
    }),
    cookie,
  );

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("the council's social value team email address", () => {
  it("is refused next to the field, kept, when it is not an email address", async () => {
    const response = await save("social value at northshire");
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(readableMainText(html)).toContain(
      "Enter the contact email address in the correct format, like socialvalue@council.gov.uk",
    );
    expect(html).toContain('value="social value at northshire"');
    expect((await getCouncilSettings(world.councilA.id))?.contactEmail).toBeNull();
  });

  it("is saved in lower case and audited, and a blank one removes it", async () => {
    expect((await save("  SocialValue@Northshire.example ")).status).toBe(302);
    expect((await getCouncilSettings(world.councilA.id))?.contactEmail).toBe(
      "socialvalue@northshire.example",
    );
    const entry = await db.auditLog.findFirst({
      where: { action: "council.settings_update", entityId: world.councilA.id },
      orderBy: { createdAt: "desc" },
    });
    expect(entry?.details).toMatchObject({
      contactEmail: { from: null, to: "socialvalue@northshire.example" },
    });
    expect((await save("")).status).toBe(302);
    expect((await getCouncilSettings(world.councilA.id))?.contactEmail).toBeNull();
    expect((await save("socialvalue@northshire.example")).status).toBe(302);
  });

  it("is given in the email telling an organisation it was not verified", async () => {
    const organisation = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const owner = await createUser();
    await addMember(organisation.id, owner.id, "OWNER");
    await db.organisation.update({
      where: { id: world.councilA.id },
      data: { contactEmail: "socialvalue@northshire.example" },
    });
    const answer = await callAction(verificationAction, {
      path: `/council/verification/${organisation.id}`,
      params: { id: organisation.id },
      cookie: await sessionCookieFor(world.users.officerA.id),
      form: { intent: "reject", reason: "The company number is not this business's" },
    });
    expect(answer.status).toBe(302);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: owner.email, template: "organisation.rejected" },
    });
    expect(email.text).toContain("social value team at socialvalue@northshire.example");
  });
});
