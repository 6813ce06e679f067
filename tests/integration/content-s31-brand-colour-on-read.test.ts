// The settings form checks a brand colour when an admin saves it, but a colour saved before those checks, or put
// in the database by hand, went straight into the header's style (and its CSS variables) and into every email's
// header: "red; background:url(x)" wrote its own CSS. A stored colour is now checked where it is shown: one that
// is not a hex colour dark enough for white text shows as the default brand colour.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { brandColourToShow, DEFAULT_BRAND_COLOUR } from "~/domain/content/brand-colour.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import { createMember, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function storeBrandColour(brandColour: string) {
  await db.councilSettings.update({ where: { organisationId: world.councilA.id }, data: { brandColour } });
}

async function headerOfDashboard() {
  const response = await renderPage("/dashboard", await sessionCookieFor(world.users.vcseMember.id));
  expect(response.status).toBe(200);
  return (await response.text()).match(/<header[^>]*>/)![0];
}

describe("a stored brand colour no admin could have saved", () => {
  it.each(["red; background:url(x)", "#zzz", "#ffff00", "url(javascript:alert(1))"])(
    "shows the default colour in the header for %s",
    async (stored) => {
      await storeBrandColour(stored);
      const header = await headerOfDashboard();
      expect(header).toContain(`--color-brand:${DEFAULT_BRAND_COLOUR}`);
      expect(header).toContain(`background-color:${DEFAULT_BRAND_COLOUR}`);
      expect(header).not.toContain("url(");
      expect(header).not.toContain("zzz");
      expect(header).not.toContain("ffff00");
    },
  );

  it("reaches no email: the approval email's header carries the default colour", async () => {
    await storeBrandColour("red; background:url(x)");
    const owner = await createMember(world.vcse.id, "OWNER");
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      createdById: owner.id,
      status: "SUBMITTED",
    });
    const approved = await callAction(moderateAction, {
      path: `/council/moderation/${need.id}`,
      params: { id: need.id },
      cookie: await sessionCookieFor(world.users.officerA.id),
      form: { intent: "approve" },
    });
    expect(approved.status).toBe(302);
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: owner.email } });
    expect(email.html).not.toContain("url(x)");
    expect(email.html).not.toMatch(/background-color:\s*red/);
    expect(email.html).toMatch(new RegExp(`background-color:\\s*${DEFAULT_BRAND_COLOUR}`));
  });

  it("keeps a colour an admin could save, read as #rrggbb", async () => {
    await storeBrandColour("#005A30");
    expect(await headerOfDashboard()).toContain("--color-brand:#005a30");
    expect(brandColourToShow("005a30")).toBe("#005a30");
    expect(brandColourToShow("")).toBe(DEFAULT_BRAND_COLOUR);
  });
});
