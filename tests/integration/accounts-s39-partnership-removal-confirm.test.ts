// Taking a council out of its partnership on /admin/councils was one click, and it ends officers' work for the
// partner councils. "Save" now leads to a page that says which officers lose access to which councils, with
// "Yes, remove" and Cancel, working without JavaScript (a plain form post); only that button changes anything.
// Joining a partnership whose councils share nobody still happens at once (one whose councils do asks too, since
// session 54: accounts-s54-joining-partnership.test.ts).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as councilsAction } from "~/routes/admin.councils.tsx";
import {
  action as confirmAction,
  loader as confirmLoader,
} from "~/routes/admin.councils_.$id.partnership.tsx";
import {
  createCouncil,
  createMember,
  createPartnership,
  createUser,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formAsShown, renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

const admin = await sessionCookieFor((await createUser({ isPlatformAdmin: true })).id);

async function partnershipWideOfficer(councilId: string, name: string) {
  const user = await createMember(councilId, "OFFICER", { name });
  await db.membership.update({
    where: { userId_organisationId: { userId: user.id, organisationId: councilId } },
    data: { partnershipWide: true },
  });
  return user;
}

async function partnershipOf(councilId: string) {
  return (await db.organisation.findUniqueOrThrow({ where: { id: councilId } })).partnershipId;
}

async function setup() {
  const partnership = await createPartnership();
  const council = await createCouncil({ partnershipId: partnership.id });
  const partner = await createCouncil({ partnershipId: partnership.id });
  const own = await partnershipWideOfficer(council.id, "Olive Own");
  const theirs = await partnershipWideOfficer(partner.id, "Percy Partner");
  return { partnership, council, partner, own, theirs };
}

const save = (councilId: string, partnershipId: string) =>
  callAction(councilsAction, {
    path: "/admin/councils",
    cookie: admin,
    form: { intent: "set-partnership", councilId, partnershipId },
  });

const text = async (response: Response) => (await response.text()).replaceAll("<!-- -->", "");

describe("removing a council from its partnership", () => {
  it("asks first, saying who loses access, and changes nothing until confirmed", async () => {
    const { partnership, council, partner, own, theirs } = await setup();
    const saved = await save(council.id, "");
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/admin/councils/${council.id}/partnership`);
    expect(await partnershipOf(council.id)).toBe(partnership.id);

    const html = await text(await renderPage(`/admin/councils/${council.id}/partnership`, admin));
    expect(html).toContain(`Are you sure you want to remove ${council.name} from ${partnership.name}?`);
    expect(html).toContain(`${council.name} stops sharing people with ${partner.name}`);
    expect(html).toContain(`${own.name} (${own.email})`);
    expect(html).toContain(`${theirs.name} (${theirs.email}), ${partner.name}`);
    expect(html).toMatch(/<form method="post"/);
    expect(html).toContain(`Yes, remove ${council.name} from ${partnership.name}`);
    expect(html).toMatch(/<a[^>]*href="\/admin\/councils"[^>]*>Cancel<\/a>/);

    // "Yes, remove" as the page sends it: the partnership it is in, and who the page named
    const yes = () =>
      callAction(confirmAction, {
        path: `/admin/councils/${council.id}/partnership`,
        params: { id: council.id },
        cookie: admin,
        form: formAsShown(html, `/admin/councils/${council.id}/partnership`),
      });
    const confirmed = await yes();
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe("/admin/councils");
    expect(await partnershipOf(council.id)).toBeNull();
    // sent twice: answered as the first was, not as a change someone else made meanwhile
    const again = await yes();
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe("/admin/councils");
    const membership = await db.membership.findFirstOrThrow({ where: { userId: own.id } });
    expect(membership.partnershipWide).toBe(false);
  });

  it("asks before moving a council to another partnership, and says so", async () => {
    const { partnership, council } = await setup();
    const other = await createPartnership();
    const saved = await save(council.id, other.id);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/admin/councils/${council.id}/partnership?to=${other.id}`);
    expect(await partnershipOf(council.id)).toBe(partnership.id);
    const html = await text(
      await renderPage(`/admin/councils/${council.id}/partnership?to=${other.id}`, admin),
    );
    expect(html).toContain(
      `Are you sure you want to move ${council.name} from ${partnership.name} to ${other.name}?`,
    );
    expect(html).toContain(`Yes, move ${council.name} to ${other.name}`);
  });

  it("changes nothing when the partnership changed after the page was opened", async () => {
    const { council } = await setup();
    const other = await createPartnership();
    await db.organisation.update({ where: { id: council.id }, data: { partnershipId: other.id } });
    const stale = await callAction(confirmAction, {
      path: `/admin/councils/${council.id}/partnership`,
      params: { id: council.id },
      cookie: admin,
      form: { partnershipId: "", from: (await createPartnership()).id },
    });
    expect(stale.status).toBe(409);
    expect(await partnershipOf(council.id)).toBe(other.id);
  });

  it("still lets a council join a partnership at once, and is not for anyone but platform admins", async () => {
    const partnership = await createPartnership();
    const council = await createCouncil();
    const joined = await save(council.id, partnership.id);
    expect(joined.status).toBe(302);
    expect(await partnershipOf(council.id)).toBe(partnership.id);

    const officer = await sessionCookieFor((await createMember(council.id, "ADMIN")).id);
    const refused = await callLoader(confirmLoader, {
      path: `/admin/councils/${council.id}/partnership`,
      params: { id: council.id },
      cookie: officer,
    });
    expect(refused.status).toBe(404);
  });
});
