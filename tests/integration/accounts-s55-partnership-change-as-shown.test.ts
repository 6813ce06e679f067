// The page that asks before a council joins, leaves or moves partnership names who gains or loses access (decision
// 011). Three gaps: "Yes" went through with people the page had not named (a partner's admin made someone
// partnership-wide meanwhile); "Save" on /admin/councils checked whether to ask first apart from saving, so a change
// made meanwhile (another admin's save, a grant) slipped between the two; and someone partnership-wide in two partner
// councils was named twice. The form now carries a fingerprint of who it named and, told otherwise, shows the page
// again; the save itself refuses, in one transaction, a change that asks first; each person is named once.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { lockOrganisation } from "~/domain/accounts/members.server.ts";
import { action as councilsAction } from "~/routes/admin.councils.tsx";
import {
  addMember,
  createCouncil,
  createMember,
  createPartnership,
  createUser,
  sessionCookieFor,
  unique,
  createPartnershipMember,
} from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { formAsShown, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";
import { secondWaitsForFirst } from "../helpers/while-open.ts";

afterAll(() => closeRateLimits());

const admin = await sessionCookieFor((await createUser({ isPlatformAdmin: true })).id);

const partnershipWideOfficer = (councilId: string, name: string) =>
  createPartnershipMember(councilId, "OFFICER", { name });

const makePartnershipWide = (userId: string, councilId: string) =>
  db.membership.update({
    where: { userId_organisationId: { userId, organisationId: councilId } },
    data: { partnershipWide: true },
  });

const partnershipOf = async (councilId: string) =>
  (await db.organisation.findUniqueOrThrow({ where: { id: councilId } })).partnershipId;

const confirmPath = (councilId: string, to: string | null) =>
  `/admin/councils/${councilId}/partnership${to ? `?to=${to}` : ""}`;

// the confirmation page as the platform admin opens it: its text, and its form as "Yes" would send it
async function confirmationPage(councilId: string, to: string | null) {
  const response = await renderPage(confirmPath(councilId, to), admin);
  expect(response.status).toBe(200);
  const html = await response.text();
  return { text: readableMainText(html), form: formAsShown(html, confirmPath(councilId, to)) };
}

const save = (councilId: string, partnershipId: string) =>
  callAction(councilsAction, {
    path: "/admin/councils",
    cookie: admin,
    form: { intent: "set-partnership", councilId, partnershipId },
  });

const CHANGED = "Who would gain or lose access changed after you opened this page, so nothing was changed.";

describe("confirming a partnership change", () => {
  it("shows the page again, with who it is now, when someone was made partnership-wide after it was opened", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ name: unique("Partner"), partnershipId: partnership.id });
    const shown = await partnershipWideOfficer(partner.id, "Sharon Shown");
    const later = await createMember(partner.id, "OFFICER", { name: "Lenny Later" });
    const joining = await createCouncil({ name: unique("Joining") });

    const opened = await confirmationPage(joining.id, partnership.id);
    expect(opened.text).toContain(`${shown.name} (${shown.email}), ${partner.name}`);
    expect(opened.text).not.toContain(later.email);
    // the partner's admins make another member partnership-wide meanwhile
    await makePartnershipWide(later.id, partner.id);

    const refused = await postPage(confirmPath(joining.id, partnership.id), opened.form, admin);
    expect(refused.status).toBe(409);
    const again = readableMainText(await refused.text());
    expect(again).toContain(CHANGED);
    expect(again).toContain(`Are you sure you want to add ${joining.name} to ${partnership.name}?`);
    expect(again).toContain(`${later.name} (${later.email}), ${partner.name}`);
    expect(again).toContain(`${shown.name} (${shown.email}), ${partner.name}`);
    expect(await partnershipOf(joining.id)).toBeNull();
    expect(
      await db.auditLog.count({ where: { entityId: joining.id, action: "council.partnership_change" } }),
    ).toBe(0);

    // confirmed on the page as shown now, it joins
    const reopened = await confirmationPage(joining.id, partnership.id);
    const confirmed = await postPage(confirmPath(joining.id, partnership.id), reopened.form, admin);
    expect(confirmed.status).toBe(302);
    expect(await flashMessageOf(confirmed)).toBe(`${joining.name} added to ${partnership.name}`);
    expect(await partnershipOf(joining.id)).toBe(partnership.id);
  });

  it("shows a removal again when a partner's member it did not name would lose access too", async () => {
    const partnership = await createPartnership();
    const leaving = await createCouncil({ name: unique("Leaving"), partnershipId: partnership.id });
    const partner = await createCouncil({ name: unique("Partner"), partnershipId: partnership.id });
    const opened = await confirmationPage(leaving.id, null);
    expect(opened.text).toContain(`No members of the partner councils work for ${leaving.name}`);
    const newcomer = await partnershipWideOfficer(partner.id, "Nina Newcomer");

    const refused = await postPage(confirmPath(leaving.id, null), opened.form, admin);
    expect(refused.status).toBe(409);
    const again = readableMainText(await refused.text());
    expect(again).toContain(CHANGED);
    expect(again).toContain(`${newcomer.name} (${newcomer.email}), ${partner.name}`);
    expect(await partnershipOf(leaving.id)).toBe(partnership.id);
  });

  it("is refused when sent without what the page named, as a hand-made request sends it", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ partnershipId: partnership.id });
    await partnershipWideOfficer(partner.id, "Una Unnamed");
    const joining = await createCouncil();
    const { form } = await confirmationPage(joining.id, partnership.id);
    form.delete("peopleShown");
    const refused = await postPage(confirmPath(joining.id, partnership.id), form, admin);
    expect(refused.status).toBe(409);
    expect(await partnershipOf(joining.id)).toBeNull();
  });

  it("joins when nobody it named would gain access any longer: with nobody to name, Save joins at once too", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ partnershipId: partnership.id });
    const gone = await partnershipWideOfficer(partner.id, "Gina Gone");
    const joining = await createCouncil();
    const { form } = await confirmationPage(joining.id, partnership.id);
    await db.membership.updateMany({ where: { userId: gone.id }, data: { partnershipWide: false } });
    const joined = await postPage(confirmPath(joining.id, partnership.id), form, admin);
    expect(joined.status).toBe(302);
    expect(await partnershipOf(joining.id)).toBe(partnership.id);
  });
});

describe("Save on /admin/councils", () => {
  it("asks first when a partner's admin makes someone partnership-wide while it is being saved", async () => {
    const partnership = await createPartnership();
    const partner = await createCouncil({ partnershipId: partnership.id });
    const granted = await createMember(partner.id, "OFFICER");
    const joining = await createCouncil();

    // the partner's admin making them partnership-wide, as setPartnershipAccess does (the partner's row locked)
    const saved = await secondWaitsForFirst(
      async (tx) => {
        await lockOrganisation(tx, partner.id);
        await tx.membership.updateMany({
          where: { userId: granted.id, organisationId: partner.id },
          data: { partnershipWide: true },
        });
      },
      () => save(joining.id, partnership.id),
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(confirmPath(joining.id, partnership.id));
    expect(await partnershipOf(joining.id)).toBeNull();
  });

  it("asks first when another admin's save put the council in a partnership meanwhile", async () => {
    const [first, second] = [await createPartnership(), await createPartnership()];
    const council = await createCouncil();

    // another admin's "Save" joining the first partnership (nobody there to name), not yet committed
    const saved = await secondWaitsForFirst(
      async (tx) => {
        await tx.$queryRaw`SELECT id FROM "Organisation" WHERE id = ${council.id} FOR UPDATE`;
        await tx.organisation.update({ where: { id: council.id }, data: { partnershipId: first.id } });
      },
      () => save(council.id, second.id),
    );
    // joining the second was a move by then: it leaves the first, which asks first
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(confirmPath(council.id, second.id));
    expect(await partnershipOf(council.id)).toBe(first.id);
  });

  it("sent twice at once, joins once, and a move sent twice at once is not made by either", async () => {
    const [first, second] = [await createPartnership(), await createPartnership()];
    const council = await createCouncil();
    const joins = await Promise.all([save(council.id, first.id), save(council.id, first.id)]);
    expect(joins.map((r) => r.status)).toEqual([302, 302]);
    expect(
      await db.auditLog.count({ where: { entityId: council.id, action: "council.partnership_change" } }),
    ).toBe(1);
    const moves = await Promise.all([save(council.id, second.id), save(council.id, second.id)]);
    expect(moves.map((r) => r.status)).toEqual([303, 303]);
    expect(await partnershipOf(council.id)).toBe(first.id);
  });
});

describe("someone partnership-wide in two partner councils", () => {
  it("is named once, with both councils, on the confirmation page and the members page", async () => {
    const partnership = await createPartnership();
    const [north, south] = [
      await createCouncil({ name: unique("A North"), partnershipId: partnership.id }),
      await createCouncil({ name: unique("B South"), partnershipId: partnership.id }),
    ];
    const twice = await partnershipWideOfficer(north.id, "Tess Twice");
    await addMember(south.id, twice.id, "OFFICER");
    await makePartnershipWide(twice.id, south.id);
    const joining = await createCouncil({ name: unique("Joining") });

    const { text } = await confirmationPage(joining.id, partnership.id);
    expect(text).toContain(`This member of the partner councils`);
    expect(text).toContain(`${twice.name} (${twice.email}), ${north.name} and ${south.name}`);
    expect(text.split(twice.email)).toHaveLength(2);

    const saved = await save(joining.id, partnership.id);
    expect(saved.status).toBe(303);
    const { form } = await confirmationPage(joining.id, partnership.id);
    expect((await postPage(confirmPath(joining.id, partnership.id), form, admin)).status).toBe(302);

    const officer = await sessionCookieFor((await createMember(joining.id, "OFFICER")).id);
    const members = readableMainText(
      await (await renderPage(`/organisations/${joining.id}`, officer)).text(),
    );
    expect(members).toContain(`Staff of partner councils who can work for ${joining.name}`);
    expect(members).toContain(`${twice.name} ${twice.email} ${north.name} and ${south.name}`);
    expect(members.split(twice.email)).toHaveLength(2);
  });
});
