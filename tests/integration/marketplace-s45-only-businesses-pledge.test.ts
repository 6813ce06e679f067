// Someone working only for a charity or a council who opened a request's pledge page (a link passed on to them)
// was told "Page not found". They are now told, with 403 Forbidden, that businesses pledge and how theirs could;
// the form is never shown to them and posting it still acts for no one.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as pledgeAction } from "~/routes/requests.$id.pledge.tsx";
import {
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createRequest,
  createUser,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

async function openRequest(status?: "WITHDRAWN") {
  const council = await createCouncil();
  const group = await createOrganisation({ kind: "VCSE", councilId: council.id, status: "VERIFIED" });
  const category = await createCategory(council.id);
  const need = await createRequest({
    councilId: council.id,
    organisationId: group.id,
    categoryId: category.id,
    status,
  });
  return { council, group, need };
}

describe("the pledge page for someone who works for no business", () => {
  it("tells a charity's member that businesses pledge, with 403 and no form", async () => {
    const { council, need } = await openRequest();
    const otherGroup = await createOrganisation({
      kind: "VCSE",
      councilId: council.id,
      name: "Riverside Food Bank",
    });
    const member = await createMember(otherGroup.id, "OWNER");
    const page = await renderPage(`/requests/${need.id}/pledge`, await sessionCookieFor(member.id));
    expect(page.status).toBe(403);
    const html = await page.text();
    const text = readableMainText(html);
    expect(text).toContain("Only businesses can pledge");
    expect(text).toContain("Riverside Food Bank");
    expect(text).toContain(need.title);
    expect(html).not.toContain('name="quantity"');
    expect(html).toContain(
      `href="/organisations/new/supplier?redirectTo=${encodeURIComponent(`/requests/${need.id}/pledge`)}"`,
    );
  });

  it("tells a council officer the same", async () => {
    const { council, need } = await openRequest();
    const officer = await createMember(council.id, "OFFICER");
    const page = await renderPage(`/requests/${need.id}/pledge`, await sessionCookieFor(officer.id));
    expect(page.status).toBe(403);
    expect(readableMainText(await page.text())).toContain("Only businesses can pledge");
  });

  it("answers a platform admin of no organisation as before (404), not as working for organisations", async () => {
    const { need } = await openRequest();
    const admin = await createUser({ verified: true, isPlatformAdmin: true });
    const page = await renderPage(`/requests/${need.id}/pledge`, await sessionCookieFor(admin.id));
    expect(page.status).toBe(404);
  });

  it("answers a closed request as for anyone (410) and an unknown one with 404", async () => {
    const { council, need } = await openRequest("WITHDRAWN");
    const officer = await createMember(council.id, "OFFICER");
    const cookie = await sessionCookieFor(officer.id);
    expect((await renderPage(`/requests/${need.id}/pledge`, cookie)).status).toBe(410);
    expect((await renderPage(`/requests/00000000-0000-4000-8000-000000000000/pledge`, cookie)).status).toBe(
      404,
    );
  });

  it("still makes no pledge when one of them posts the form", async () => {
    const { group, need } = await openRequest();
    const member = await createMember(group.id, "OWNER");
    const response = await callAction(pledgeAction, {
      path: `/requests/${need.id}/pledge`,
      params: { id: need.id },
      cookie: await sessionCookieFor(member.id),
      form: { quantity: "1", expectedDeliveryDate: "", submissionKey: crypto.randomUUID() },
    }).catch((thrown: unknown) => thrown as Response);
    expect(response.status).toBe(404);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
  });
});
