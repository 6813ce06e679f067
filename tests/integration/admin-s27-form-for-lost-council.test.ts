// Every posted form names the organisation its page was shown for (app/ui/form-for.tsx). One that named an
// organisation the person no longer works for (their council left its partnership, or they were removed, while
// the page was open) acted for whichever other organisation they belong to: a contract shown as council B's
// "Register a contract" was registered with council A, and a category added to B's list went into A's. It now
// acts for none and says they may not, and a record's own council still decides for a record's page.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { SWITCHER_FIELD } from "~/auth/switcher-field.ts";
import { db } from "~/db.server.ts";
import { action as categoriesAction } from "~/routes/council.categories.tsx";
import { action as newContractAction } from "~/routes/contracts.new/route.tsx";
import { action as moderationAction } from "~/routes/council.moderation.$id.tsx";
import { action as verifyAction } from "~/routes/council.verification.$id.tsx";
import {
  addMember,
  createCouncil,
  createOrganisation,
  createPartnership,
  createPartnershipMember,
  createRequest,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { changePartnershipConfirmed } from "../helpers/partnership-change.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

// URL-encoded, as a browser sends a form without a file
const post = (
  action: Parameters<typeof callAction>[0],
  path: string,
  cookie: string,
  fields: Record<string, string>,
  params: Record<string, string> = {},
) =>
  callAction(action, {
    path,
    params,
    cookie,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

// the organisation the page's forms say they were shown for
async function shownFor(path: string, cookie: string) {
  const html = await (await renderPage(path, cookie)).text();
  const found = html.match(new RegExp(`name="${SWITCHER_FIELD}" value="([^"]+)"`));
  expect(found).not.toBeNull();
  return found![1];
}

describe("a form shown for a partner council that left the partnership before it was sent", () => {
  let councilA: { id: string };
  let councilB: { id: string };
  let officer: { id: string };
  let supplier: { id: string };
  let asB: string;

  beforeAll(async () => {
    const partnership = await createPartnership();
    councilA = await createCouncil({ name: unique("Home council"), partnershipId: partnership.id });
    councilB = await createCouncil({ name: unique("Partner council"), partnershipId: partnership.id });
    officer = await createPartnershipMember(councilA.id, "OFFICER");
    supplier = await createOrganisation({ kind: "SUPPLIER", councilId: councilA.id });
    asB = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${councilB.id}`;
  });

  it("registers no contract with the officer's own council", async () => {
    const field = await shownFor("/contracts/new", asB);
    expect(field).toBe(councilB.id);
    const platformAdmin = await createUser({ isPlatformAdmin: true });
    await changePartnershipConfirmed(platformAdmin.id, councilB.id, null);

    const reference = unique("REF");
    const response = await post(newContractAction, "/contracts/new", asB, {
      [SWITCHER_FIELD]: field,
      reference,
      title: "Highways maintenance",
      supplierOrganisationId: supplier.id,
      department: "Highways",
      contractManagerId: officer.id,
      valueGbp: "250000",
      awardedOn: "2026-03-01",
      startDate: "2026-04-01",
      endDate: "2027-03-31",
      planReference: "",
      status: "ACTIVE",
    });
    expect(response.status).toBe(403);
    expect(await db.contract.count({ where: { reference } })).toBe(0);
  });

  it("still lets them decide on their own council's organisation, which the page was for", async () => {
    const pending = await createOrganisation({ kind: "VCSE", councilId: councilA.id, status: "PENDING" });
    const response = await post(
      verifyAction,
      `/council/verification/${pending.id}`,
      asB,
      { [SWITCHER_FIELD]: councilB.id, intent: "verify" },
      { id: pending.id },
    );
    expect(response.status).toBe(302);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("VERIFIED");
  });

  it("still lets them approve their own council's request, which the page was for", async () => {
    const group = await createOrganisation({ kind: "VCSE", councilId: councilA.id });
    const category = await db.category.create({
      data: { councilId: councilA.id, name: unique("Food"), slug: unique("food") },
    });
    const need = await createRequest({
      councilId: councilA.id,
      organisationId: group.id,
      categoryId: category.id,
      status: "SUBMITTED",
    });
    const response = await post(
      moderationAction,
      `/council/moderation/${need.id}`,
      asB,
      { [SWITCHER_FIELD]: councilB.id, intent: "approve" },
      { id: need.id },
    );
    expect(response.status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });
});

describe("a form shown for a council its admin was removed from before it was sent", () => {
  it("adds nothing to the other council's list", async () => {
    const first = await createCouncil({ name: unique("First council") });
    const second = await createCouncil({ name: unique("Second council") });
    const admin = await createUser();
    await addMember(first.id, admin.id, "ADMIN");
    await addMember(second.id, admin.id, "ADMIN");
    const cookie = `${await sessionCookieFor(admin.id)}; ${ORGANISATION_COOKIE}=${second.id}`;
    const field = await shownFor("/council/categories", cookie);
    expect(field).toBe(second.id);
    await db.membership.deleteMany({ where: { userId: admin.id, organisationId: second.id } });

    const name = unique("Warm spaces");
    const response = await post(categoriesAction, "/council/categories", cookie, {
      [SWITCHER_FIELD]: field,
      intent: "add",
      name,
      description: "",
    });
    expect(response.status).toBe(403);
    expect(await db.category.count({ where: { name } })).toBe(0);

    // a form naming no organisation (a page shown before forms said) still acts as switched
    const plain = unique("Food");
    expect(
      (
        await post(categoriesAction, "/council/categories", cookie, {
          intent: "add",
          name: plain,
          description: "",
        })
      ).status,
    ).toBe(302);
    expect((await db.category.findFirstOrThrow({ where: { name: plain } })).councilId).toBe(first.id);
  });
});
