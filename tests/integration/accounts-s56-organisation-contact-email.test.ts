// A VCSE could not give a contact email (only a supplier's form asked for one), so a supplier whose pledge it accepted
// was always given a person's own address. A VCSE now gives one when it registers and while it waits, as a supplier
// does; and once verified, the owner of either still changes it (decision 039, addendum: contact information, not a
// detail the council verified), logged as other changes are. Nothing else of a verified organisation changes.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import {
  addMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { formOf, pageHtmlAs, postPage, readableMainText } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

async function organisationWithOwner(kind: "VCSE" | "SUPPLIER", status: "PENDING" | "VERIFIED") {
  const organisation = await createOrganisation({ kind, councilId: world.councilA.id, status });
  const owner = await createUser();
  await addMember(organisation.id, owner.id, "OWNER");
  return { organisation, owner, cookie: await sessionCookieFor(owner.id) };
}

const contactOf = async (id: string) =>
  (await db.organisation.findUniqueOrThrow({ where: { id }, select: { contactEmail: true } })).contactEmail;

const auditOf = (entityId: string) =>
  db.auditLog.findMany({
    where: { entityId, actorUserId: { not: null } },
    select: { action: true, details: true },
  });

describe("a VCSE's contact email", () => {
  it("is asked for when it registers, optional and checked as a supplier's is", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const form = await pageHtmlAs("/organisations/new/vcse", user.id);
    expect(form).toContain('name="contactEmail"');
    expect(form).toContain("Contact email (optional)");

    const details = {
      councilId: world.councilA.id,
      areaServed: "Hillside estate",
      description: "We run a weekly food bank for families on the estate.",
    };
    const refused = await postPage(
      "/organisations/new/vcse",
      formOf({ ...details, name: unique("Refused Pantry"), contactEmail: "not an address" }),
      cookie,
    );
    expect(refused.status).toBe(400);
    expect(readableMainText(await refused.text())).toContain(
      "Enter an email address in the correct format, like name@example.com",
    );

    const name = unique("Hillside Pantry");
    const saved = await postPage(
      "/organisations/new/vcse",
      formOf({ ...details, name, contactEmail: " Hello@Hillside.example.test " }),
      cookie,
    );
    expect(saved.status).toBe(302);
    const made = await db.organisation.findFirstOrThrow({ where: { name } });
    expect(made.contactEmail).toBe("hello@hillside.example.test");

    const blankName = unique("Quiet Pantry");
    expect(
      (
        await postPage(
          "/organisations/new/vcse",
          formOf({ ...details, name: blankName, contactEmail: "  " }),
          cookie,
        )
      ).status,
    ).toBe(302);
    expect((await db.organisation.findFirstOrThrow({ where: { name: blankName } })).contactEmail).toBeNull();
  });

  it("is changed with the other details while the organisation waits, and the officer sees it named", async () => {
    const { organisation, owner, cookie } = await organisationWithOwner("VCSE", "PENDING");
    const answer = await postPage(
      `/organisations/${organisation.id}/edit`,
      formOf({
        intent: "save",
        name: organisation.name,
        charityNumber: "",
        areaServed: organisation.areaServed!,
        description: organisation.description!,
        contactEmail: "team@pantry.example.test",
      }),
      cookie,
    );
    expect(answer.status).toBe(302);
    expect(await contactOf(organisation.id)).toBe("team@pantry.example.test");
    expect(await auditOf(organisation.id)).toEqual([
      { action: "organisation.details_change", details: { changed: ["contactEmail"] } },
    ]);
    expect(await pageHtmlAs(`/organisations/${organisation.id}`, owner.id)).toContain(
      "team@pantry.example.test",
    );
    const officerPage = readableMainText(
      await pageHtmlAs(`/council/verification/${organisation.id}`, world.users.officerA.id),
    );
    expect(officerPage).toContain("Contact email team@pantry.example.test");
  });
});

describe("a verified organisation's contact email", () => {
  for (const kind of ["VCSE", "SUPPLIER"] as const)
    it(`is still its owner's to change, and nothing else (${kind})`, async () => {
      const { organisation, cookie } = await organisationWithOwner(kind, "VERIFIED");
      const path = `/organisations/${organisation.id}/edit`;

      const refused = await postPage(path, formOf({ intent: "contact", contactEmail: "no-at-sign" }), cookie);
      expect(refused.status).toBe(400);
      expect(readableMainText(await refused.text())).toContain(
        "Enter an email address in the correct format, like name@example.com",
      );
      expect(await contactOf(organisation.id)).toBeNull();

      const saved = await postPage(
        path,
        formOf({ intent: "contact", contactEmail: "lead@org.example.test" }),
        cookie,
      );
      expect(saved.status).toBe(302);
      expect(saved.headers.get("location")).toBe(`/organisations/${organisation.id}`);
      expect(await contactOf(organisation.id)).toBe("lead@org.example.test");
      // saved twice: nothing more is logged
      await postPage(path, formOf({ intent: "contact", contactEmail: "lead@org.example.test" }), cookie);
      const removed = await postPage(path, formOf({ intent: "contact", contactEmail: "" }), cookie);
      expect(removed.status).toBe(302);
      expect(await contactOf(organisation.id)).toBeNull();
      expect(await auditOf(organisation.id)).toEqual(
        expect.arrayContaining([
          { action: "organisation.contact_change", details: { changed: ["contactEmail"], removed: false } },
          { action: "organisation.contact_change", details: { changed: ["contactEmail"], removed: true } },
        ]),
      );
      expect(await auditOf(organisation.id)).toHaveLength(2);

      // the whole form, sent anyway, changes nothing: its name and numbers are the council's record
      const before = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
      const whole = await postPage(
        path,
        formOf({
          intent: "save",
          name: "Renamed After Verification",
          areaServed: "Anywhere at all",
          description: "Something else entirely, after the council verified it.",
          companyNumber: "12345678",
          registeredPostcode: "GU1 1AA",
          staffHeadcount: "3",
          turnoverBand: "UNDER_632K",
          balanceSheetBand: "UNDER_316K",
          contactEmail: "sneaky@org.example.test",
        }),
        cookie,
      );
      expect(whole.status).toBe(302);
      expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toEqual(before);
    });

  it("is not changed by a member who is not its owner, nor by anyone else", async () => {
    const { organisation } = await organisationWithOwner("VCSE", "VERIFIED");
    const member = await createUser();
    await addMember(organisation.id, member.id, "MEMBER");
    for (const userId of [member.id, world.users.vcseOwner.id, world.users.officerA.id]) {
      const answer = await postPage(
        `/organisations/${organisation.id}/edit`,
        formOf({ intent: "contact", contactEmail: "taken-over@example.test" }),
        await sessionCookieFor(userId),
      );
      expect(answer.status).toBe(404);
    }
    expect(await contactOf(organisation.id)).toBeNull();
  });
});
