// An organisation registered by mistake can be deleted by its owner while they are its only member and it has no
// records of its own; the deletion is logged in its council's audit log and a second "Delete" is answered as the
// first. With other members or records the page says why not (and the POST is refused, 409); members who are not
// its owner, other organisations' owners and councils get 404.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action, loader } from "~/routes/organisations.$id.delete.tsx";
import {
  addMember,
  createCategory,
  createContract,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createSurveyCycle,
  createSurveyResponse,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { flashOfRedirect } from "../helpers/flash.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const category = await createCategory(world.councilA.id);

const textOf = async (page: Response) => (await page.text()).replaceAll("<!-- -->", "");

async function soleOwned(kind: "VCSE" | "SUPPLIER" = "VCSE", status: "PENDING" | "VERIFIED" = "PENDING") {
  const organisation = await createOrganisation({ kind, councilId: world.councilA.id, status });
  const owner = await createMember(organisation.id, "OWNER");
  return { organisation, owner, cookie: await sessionCookieFor(owner.id) };
}

const deleteAs = (organisationId: string, cookie: string | undefined) =>
  callAction(action, {
    path: `/organisations/${organisationId}/delete`,
    params: { id: organisationId },
    cookie,
    form: {},
  });
const open = (organisationId: string, cookie: string | undefined) =>
  callLoader(loader, {
    path: `/organisations/${organisationId}/delete`,
    params: { id: organisationId },
    cookie,
  });
const stillThere = async (organisationId: string) =>
  (await db.organisation.count({ where: { id: organisationId } })) === 1;

describe("deleting an organisation registered by mistake", () => {
  it("asks first, on a page naming it with a warning", async () => {
    const { organisation, cookie } = await soleOwned();
    const page = await renderPage(`/organisations/${organisation.id}/delete`, cookie);
    expect(page.status).toBe(200);
    const html = await textOf(page);
    expect(html).toContain(`<title>Delete ${organisation.name} – Social Value Marketplace</title>`);
    expect(html).toContain("You cannot undo this.");
    expect(html).toMatch(new RegExp(`<button[^>]*>Delete ${organisation.name}</button>`));
    // the organisation's page links to it
    const own = await textOf(await renderPage(`/organisations/${organisation.id}`, cookie));
    expect(own).toContain(`href="/organisations/${organisation.id}/delete"`);
  });

  it("deletes it, logs it in the council's log, and answers a second Delete the same way", async () => {
    const { organisation, owner, cookie } = await soleOwned("SUPPLIER", "VERIFIED");
    await db.invitation.create({
      data: {
        organisationId: organisation.id,
        email: "colleague@example.test",
        role: "MEMBER",
        tokenHash: `hash-${organisation.id}`,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const first = await deleteAs(organisation.id, cookie);
    expect(first.headers.get("location")).toBe("/organisations");
    expect(await flashOfRedirect(first)).toEqual({
      kind: "success",
      message: `${organisation.name} has been deleted`,
    });
    expect(await stillThere(organisation.id)).toBe(false);
    expect(await db.membership.count({ where: { organisationId: organisation.id } })).toBe(0);
    expect(await db.invitation.count({ where: { organisationId: organisation.id } })).toBe(0);
    // their own account stays
    expect(await db.user.count({ where: { id: owner.id, deletedAt: null } })).toBe(1);

    const second = await deleteAs(organisation.id, cookie);
    expect(second.headers.get("location")).toBe("/organisations");
    expect(await flashOfRedirect(second)).toEqual({
      kind: "success",
      message: `${organisation.name} has been deleted`,
    });

    const entries = await db.auditLog.findMany({
      where: { action: "organisation.delete", entityId: organisation.id },
    });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorUserId: owner.id,
      organisationId: world.councilA.id,
      entityType: "Organisation",
      details: { name: organisation.name, kind: "SUPPLIER", status: "VERIFIED", invitationsCancelled: 1 },
    });
  });

  it("is refused (404) to signed-out people, its members who are not its owner and other organisations", async () => {
    const { organisation } = await soleOwned();
    const member = await createUser();
    await addMember(organisation.id, member.id, "MEMBER");
    const outsiders = [
      await sessionCookieFor(member.id),
      await sessionCookieFor(world.users.vcseOwner.id),
      await sessionCookieFor(world.users.councilAdmin.id),
      await sessionCookieFor(world.users.officerA.id),
      await sessionCookieFor(world.users.platformAdmin.id),
    ];
    for (const cookie of outsiders) {
      expect((await open(organisation.id, cookie)).status).toBe(404);
      expect((await deleteAs(organisation.id, cookie)).status).toBe(404);
    }
    const signedOut = await deleteAs(organisation.id, undefined);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
    expect(await stillThere(organisation.id)).toBe(true);
    // nor does the organisation page offer it to the member
    const html = await textOf(await renderPage(`/organisations/${organisation.id}`, outsiders[0]));
    expect(html).not.toContain(`/organisations/${organisation.id}/delete`);
  });

  it("is never offered for a council, even to its only admin", async () => {
    const council = await db.organisation.create({
      data: { kind: "COUNCIL", name: `Empty Council ${Date.now()}`, status: "VERIFIED" },
    });
    const admin = await createMember(council.id, "ADMIN");
    const cookie = await sessionCookieFor(admin.id);
    expect((await open(council.id, cookie)).status).toBe(404);
    expect((await deleteAs(council.id, cookie)).status).toBe(404);
    expect(await stillThere(council.id)).toBe(true);
    const html = await textOf(await renderPage(`/organisations/${council.id}`, cookie));
    expect(html).not.toContain(`/organisations/${council.id}/delete`);
  });

  it("is refused while it has another member, saying what to do instead", async () => {
    const { organisation, cookie } = await soleOwned();
    await createMember(organisation.id, "MEMBER");
    const html = await textOf(await renderPage(`/organisations/${organisation.id}/delete`, cookie));
    expect(html).toContain(`You cannot delete ${organisation.name}`);
    expect(html).toContain("It has other members");
    expect(html).toContain("make another member an owner there, then leave it");
    expect(html).not.toMatch(/<button[^>]*>Delete /);
    const refused = await deleteAs(organisation.id, cookie);
    expect(refused.status).toBe(409);
    expect(await stillThere(organisation.id)).toBe(true);
    expect(
      await db.auditLog.count({ where: { action: "organisation.delete", entityId: organisation.id } }),
    ).toBe(0);
  });

  it("is refused while it has any record of its own, naming them", async () => {
    const cases: [string, (organisationId: string) => Promise<unknown>, "VCSE" | "SUPPLIER"][] = [
      [
        "1 request",
        (id) =>
          createRequest({
            councilId: world.councilA.id,
            organisationId: id,
            categoryId: category.id,
            status: "DRAFT",
          }),
        "VCSE",
      ],
      [
        "1 pledge",
        async (id) => {
          const request = await createRequest({
            councilId: world.councilA.id,
            organisationId: world.vcse.id,
            categoryId: category.id,
          });
          return createPledge({ requestId: request.id, supplierOrganisationId: id, status: "WITHDRAWN" });
        },
        "SUPPLIER",
      ],
      [
        "1 contract",
        (id) => createContract({ councilId: world.councilA.id, supplierOrganisationId: id }),
        "SUPPLIER",
      ],
      [
        "1 survey response",
        async (id) =>
          createSurveyResponse({
            cycleId: (
              await createSurveyCycle({
                councilId: world.councilA.id,
                year: 2001,
              })
            ).id,
            organisationId: id,
          }),
        "SUPPLIER",
      ],
    ];
    for (const [words, record, kind] of cases) {
      const { organisation, cookie } = await soleOwned(kind);
      await record(organisation.id);
      const html = await textOf(await renderPage(`/organisations/${organisation.id}/delete`, cookie));
      expect(html, words).toContain("It has records that must be kept");
      expect(html, words).toContain(`${organisation.name} has ${words}.`);
      expect(html, words).toContain(`contact ${world.councilA.name}`);
      expect(html, words).not.toMatch(/<button[^>]*>Delete /);
      const refused = await deleteAs(organisation.id, cookie);
      expect(refused.status, words).toBe(409);
      expect(await stillThere(organisation.id), words).toBe(true);
    }
  });
});
