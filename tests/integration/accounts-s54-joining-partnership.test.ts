// A council moved into a partnership gave the partners' partnership-wide members officer access to its records at
// once, with nobody told: decision 011 rejected exactly that. Joining now goes through the confirmation page used
// for leaving, naming who will be able to work for the council, when the partners have anyone partnership-wide;
// a council's members page lists the partners' staff who can work for it; and "Add council" in a partnership
// says who can work for the new council from the start.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as councilsAction } from "~/routes/admin.councils.tsx";
import { action as confirmAction } from "~/routes/admin.councils_.$id.partnership.tsx";
import { loader as organisationsLoader } from "~/routes/organisations._index.tsx";
import {
  createCouncil,
  createMember,
  createPartnership,
  createUser,
  sessionCookieFor,
  unique,
  createPartnershipMember,
} from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { formAsShown, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const admin = await sessionCookieFor((await createUser({ isPlatformAdmin: true })).id);

const partnershipWideOfficer = (councilId: string, name: string) =>
  createPartnershipMember(councilId, "OFFICER", { name });

const partnershipOf = async (councilId: string) =>
  (await db.organisation.findUniqueOrThrow({ where: { id: councilId } })).partnershipId;

async function councilsReachedBy(userId: string) {
  const page = await callLoader(organisationsLoader, {
    path: "/organisations",
    cookie: await sessionCookieFor(userId),
  });
  return ((await page.json()) as { memberships: { organisationId: string }[] }).memberships.map(
    (m) => m.organisationId,
  );
}

const save = (councilId: string, partnershipId: string) =>
  callAction(councilsAction, {
    path: "/admin/councils",
    cookie: admin,
    form: { intent: "set-partnership", councilId, partnershipId },
  });

const text = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");

describe("a council joining a partnership", () => {
  it("asks first, naming the partners' staff who will work for it, and changes nothing until confirmed", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ name: unique("Partner"), partnershipId: partnership.id });
    const shared = await partnershipWideOfficer(partner.id, "Sharon Shared");
    const joining = await createCouncil({ name: unique("Joining") });

    const saved = await save(joining.id, partnership.id);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(
      `/admin/councils/${joining.id}/partnership?to=${partnership.id}`,
    );
    expect(await partnershipOf(joining.id)).toBeNull();
    expect(await councilsReachedBy(shared.id)).not.toContain(joining.id);

    const page = await renderPage(`/admin/councils/${joining.id}/partnership?to=${partnership.id}`, admin);
    expect(page.status).toBe(200);
    const html = await text(page);
    expect(html).toContain(`Are you sure you want to add ${joining.name} to ${partnership.name}?`);
    expect(html).toContain(`<title>Add a council to a partnership: ${joining.name} to ${partnership.name}`);
    expect(html).toContain(`${joining.name} starts sharing people with ${partner.name}`);
    expect(html).toContain(`will be able to work for ${joining.name} as officers`);
    expect(html).toContain(`${shared.name} (${shared.email}), ${partner.name}`);
    expect(html).toContain(`Yes, add ${joining.name} to ${partnership.name}`);
    expect(html).toMatch(/<a[^>]*href="\/admin\/councils"[^>]*>Cancel<\/a>/);
    // opening the page changes nothing either
    expect(await partnershipOf(joining.id)).toBeNull();

    // "Yes, add" as the page sends it: the partnership, and who the page named
    const confirm = () =>
      callAction(confirmAction, {
        path: `/admin/councils/${joining.id}/partnership?to=${partnership.id}`,
        params: { id: joining.id },
        cookie: admin,
        form: formAsShown(html, `/admin/councils/${joining.id}/partnership?to=${partnership.id}`),
      });
    const confirmed = await confirm();
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/admin/councils");
    expect(await flashMessageOf(confirmed)).toBe(`${joining.name} added to ${partnership.name}`);
    expect(await partnershipOf(joining.id)).toBe(partnership.id);
    expect(await councilsReachedBy(shared.id)).toContain(joining.id);
    // sent twice: answered as the first was, and logged once
    const again = await confirm();
    expect(await flashMessageOf(again)).toBe(`${joining.name} added to ${partnership.name}`);
    expect(
      await db.auditLog.count({ where: { action: "council.partnership_change", entityId: joining.id } }),
    ).toBe(1);
  });

  it("joins at once when the partners have nobody partnership-wide", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ partnershipId: partnership.id });
    await createMember(partner.id, "OFFICER");
    const joining = await createCouncil();
    const joined = await save(joining.id, partnership.id);
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe("/admin/councils");
    expect(await partnershipOf(joining.id)).toBe(partnership.id);
  });

  it("names, on a move, who of the new partners will start working for the council", async () => {
    const [old, next] = [await createPartnership(), await createPartnership()];
    const mover = await createCouncil({ name: unique("Mover"), partnershipId: old.id });
    const newPartner = await createCouncil({ name: unique("New partner"), partnershipId: next.id });
    const incoming = await partnershipWideOfficer(newPartner.id, "Ivy Incoming");
    const html = await text(await renderPage(`/admin/councils/${mover.id}/partnership?to=${next.id}`, admin));
    expect(html).toContain(`Are you sure you want to move ${mover.name} from ${old.name} to ${next.name}?`);
    expect(html).toContain(`${incoming.name} (${incoming.email}), ${newPartner.name}`);
  });
});

describe("a council's members page", () => {
  it("lists the partners' staff who can work for the council, and not once their access is limited", async () => {
    const partnership = await createPartnership();
    const council = await createCouncil({ name: unique("Home"), partnershipId: partnership.id });
    const partner = await createCouncil({ name: unique("Partner"), partnershipId: partnership.id });
    const shared = await partnershipWideOfficer(partner.id, "Pat Partnership");
    const ownOnly = await createMember(partner.id, "OFFICER", { name: "Oscar Own-only" });
    const officer = await sessionCookieFor((await createMember(council.id, "OFFICER")).id);

    const html = await text(await renderPage(`/organisations/${council.id}`, officer));
    expect(html).toContain(`Staff of partner councils who can work for ${council.name}`);
    expect(html).toContain("never get admin rights here or access to the supplier diversity survey");
    expect(html).toContain(`>${shared.name}</th>`);
    expect(html).toContain(`>${shared.email}</td>`);
    expect(html).toContain(`>${partner.name}</td>`);
    expect(html).not.toContain(ownOnly.email);

    await db.membership.updateMany({ where: { userId: shared.id }, data: { partnershipWide: false } });
    const after = await text(await renderPage(`/organisations/${council.id}`, officer));
    expect(after).toContain(`Staff of partner councils who can work for ${council.name}`);
    expect(after).not.toContain(shared.email);
    expect(after).toContain(`No staff of the partner councils can work for ${council.name}.`);
  });

  it("has no such section for a council outside a partnership", async () => {
    const council = await createCouncil();
    const admin = await sessionCookieFor((await createMember(council.id, "ADMIN")).id);
    const html = await text(await renderPage(`/organisations/${council.id}`, admin));
    expect(html).not.toContain("Staff of partner councils");
  });
});

describe("adding a council in a partnership", () => {
  it("says who of the partners' staff can work for it from the start", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ name: unique("Partner"), partnershipId: partnership.id });
    const shared = await partnershipWideOfficer(partner.id, "Sam Shared");
    const name = unique("New council");
    const added = await callAction(councilsAction, {
      path: "/admin/councils",
      cookie: admin,
      form: {
        intent: "create-council",
        name,
        partnershipId: partnership.id,
        adminEmail: `${name.replaceAll(/\W/g, "").toLowerCase()}@example.test`,
      },
    });
    expect(added.status).toBe(302);
    expect(await flashMessageOf(added)).toContain(
      `A member of the partner councils can work for it as officers, as their own councils' admins chose: ${shared.name} (${partner.name}).`,
    );
    const council = await db.organisation.findFirstOrThrow({ where: { name } });
    expect(await councilsReachedBy(shared.id)).toContain(council.id);

    const form = await text(await renderPage("/admin/councils", admin));
    expect(form).toContain("will be able to work for the new council as officers");
  });
});
