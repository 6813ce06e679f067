// A council that refused an organisation told its owner why, and the owner had no way to correct the details or ask
// again: a dead end. Its owner now changes the details (organisations.$id.edit) while it waits or once refused; a
// refused one is sent back to the council's queue, its verifiers emailed as for a new registration, once.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { loader as queueLoader } from "~/routes/council.verification._index.tsx";
import { action as decideAction } from "~/routes/council.verification.$id.tsx";
import { action as editAction, loader as editLoader } from "~/routes/organisations.$id.edit.tsx";
import { loader as organisationLoader } from "~/routes/organisations.$id._index/route.tsx";
import {
  addMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { formOf, pageHtmlAs, postPage } from "../helpers/render-page.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const REASON = "We could not find this charity number on the Charity Commission register";

async function organisationWithOwner(kind: "VCSE" | "SUPPLIER", status: "PENDING" | "VERIFIED" = "PENDING") {
  const organisation = await createOrganisation({ kind, councilId: world.councilA.id, status });
  const owner = await createUser();
  await addMember(organisation.id, owner.id, "OWNER");
  return { organisation, owner, cookie: await sessionCookieFor(owner.id) };
}

async function reject(organisationId: string) {
  const answer = await callAction(decideAction, {
    path: `/council/verification/${organisationId}`,
    params: { id: organisationId },
    cookie: await sessionCookieFor(world.users.officerA.id),
    form: { intent: "reject", reason: REASON },
  });
  expect(answer.status).toBe(302);
}

const edit = (organisationId: string, cookie: string | undefined, form: Record<string, string>) =>
  callAction(editAction, {
    path: `/organisations/${organisationId}/edit`,
    params: { id: organisationId },
    cookie,
    form,
  });

const open = (organisationId: string, cookie: string | undefined) =>
  callLoader(editLoader, {
    path: `/organisations/${organisationId}/edit`,
    params: { id: organisationId },
    cookie,
  });

const vcseForm = (name: string) => ({
  intent: "resend",
  name,
  charityNumber: "1123456",
  areaServed: "Guildford and villages",
  description: "A food pantry run by volunteers for families in need.",
});

const toVerifiers = (organisationId: string) =>
  db.emailOutbox.count({
    where: {
      to: world.users.councilAdmin.email,
      template: "organisation.to_verify",
      text: { contains: organisationId },
    },
  });

describe("the owner of a refused organisation", () => {
  it("corrects its details and sends it for verification again, once", async () => {
    const { organisation, cookie } = await organisationWithOwner("VCSE");
    await reject(organisation.id);

    // the organisation's page offers the owner the way on
    const page = await callLoader(organisationLoader, {
      path: `/organisations/${organisation.id}`,
      params: { id: organisation.id },
      cookie,
    });
    expect(page.status).toBe(200);
    const form = await open(organisation.id, cookie);
    expect(form.status).toBe(200);
    const shown = (await form.json()) as { organisation: { status: string; rejectionReason: string } };
    expect(shown.organisation).toMatchObject({ status: "REJECTED", rejectionReason: REASON });

    const before = await toVerifiers(organisation.id);
    const answer = await edit(organisation.id, cookie, vcseForm("Riverside Pantry CIO"));
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/organisations/${organisation.id}`);

    const now = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(now).toMatchObject({
      status: "PENDING",
      rejectionReason: null,
      verifiedById: null,
      name: "Riverside Pantry CIO",
      charityNumber: "1123456",
      councilId: world.councilA.id,
    });
    expect(
      await db.auditLog.count({ where: { action: "organisation.resubmit", entityId: organisation.id } }),
    ).toBe(1);
    expect(await toVerifiers(organisation.id)).toBe(before + 1);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: { to: world.users.councilAdmin.email, text: { contains: organisation.id } },
      orderBy: { createdAt: "desc" },
    });
    expect(email.subject).toBe("Organisation to verify again: Riverside Pantry CIO");
    expect(email.text).toContain("Its owner has changed its details and sent it to be verified again.");

    // the officer's queue lists it again
    const queue = await callLoader(queueLoader, {
      path: "/council/verification",
      cookie: await sessionCookieFor(world.users.officerA.id),
    });
    expect(queue.status).toBe(200);
    expect(await queue.text()).toContain(organisation.id);

    // sent again (a double click, a slow network): nothing more is written or emailed
    const again = await edit(organisation.id, cookie, vcseForm("Riverside Pantry CIO"));
    expect(again.status).toBe(302);
    expect(
      await db.auditLog.count({ where: { action: "organisation.resubmit", entityId: organisation.id } }),
    ).toBe(1);
    expect(await toVerifiers(organisation.id)).toBe(before + 1);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).status).toBe(
      "PENDING",
    );
  });

  it("sent twice at once, is sent to the council once", async () => {
    const { organisation, cookie } = await organisationWithOwner("VCSE");
    await reject(organisation.id);
    const before = await toVerifiers(organisation.id);
    const answers = await Promise.all([
      edit(organisation.id, cookie, vcseForm("Riverside Pantry")),
      edit(organisation.id, cookie, vcseForm("Riverside Pantry")),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await toVerifiers(organisation.id)).toBe(before + 1);
    expect(
      await db.auditLog.count({ where: { action: "organisation.resubmit", entityId: organisation.id } }),
    ).toBe(1);
  });

  it("is told what is wrong, keeps what was typed, and nothing changes", async () => {
    const { organisation, cookie } = await organisationWithOwner("VCSE");
    await reject(organisation.id);
    const before = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    const answer = await edit(organisation.id, cookie, {
      ...vcseForm("Riverside Pantry typed"),
      description: "short",
      charityNumber: "no!",
    });
    expect(answer.status).toBe(400);
    const reply = (await answer.json()) as {
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    };
    expect(reply.error.description).toEqual(["Description must be 10 characters or more"]);
    expect(reply.error.charityNumber?.[0]).toContain("Enter a charity or company number");
    expect(reply.initialValue).toMatchObject({ name: "Riverside Pantry typed", description: "short" });
    const after = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(after).toEqual(before);
    expect(after.status).toBe("REJECTED");
  });

  it("of a supplier has its business size worked out again", async () => {
    const { organisation, cookie } = await organisationWithOwner("SUPPLIER");
    await reject(organisation.id);
    const answer = await edit(organisation.id, cookie, {
      intent: "resend",
      name: "Hedgerow Landscapes Ltd",
      companyNumber: "sc123456",
      registeredPostcode: "gu13uw",
      staffHeadcount: "120",
      turnoverBand: "10M_50M",
      balanceSheetBand: "10M_43M",
      contactEmail: "",
    });
    expect(answer.status).toBe(302);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
      status: "PENDING",
      companyNumber: "SC123456",
      registeredPostcode: "GU1 3UW",
      staffHeadcount: 120,
      businessSize: "MEDIUM",
      councilId: world.councilA.id,
    });
  });
});

describe("the owner of an organisation waiting for the council", () => {
  it("saves changes; it stays pending and nobody is emailed", async () => {
    const { organisation, cookie } = await organisationWithOwner("VCSE");
    const before = await toVerifiers(organisation.id);
    expect((await open(organisation.id, cookie)).status).toBe(200);
    const answer = await edit(organisation.id, cookie, { ...vcseForm("Riverside Pantry"), intent: "save" });
    expect(answer.status).toBe(302);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
      status: "PENDING",
      name: "Riverside Pantry",
    });
    expect(await toVerifiers(organisation.id)).toBe(before);
  });
});

describe("who may not change an organisation's details", () => {
  it("refuses a member, another organisation's owner, an officer and someone signed out", async () => {
    const { organisation } = await organisationWithOwner("VCSE");
    await reject(organisation.id);
    const member = await createUser();
    await addMember(organisation.id, member.id, "MEMBER");
    const other = await organisationWithOwner("VCSE");
    const before = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    const cookies = [
      await sessionCookieFor(member.id),
      other.cookie,
      await sessionCookieFor(world.users.officerA.id),
      await sessionCookieFor(world.users.councilAdmin.id),
    ];
    for (const cookie of cookies) {
      expect((await open(organisation.id, cookie)).status).toBe(404);
      expect((await edit(organisation.id, cookie, vcseForm("Taken Over Ltd"))).status).toBe(404);
    }
    const signedOutGet = await open(organisation.id, undefined);
    expect(signedOutGet.status).toBe(302);
    expect(signedOutGet.headers.get("location")).toContain("/sign-in");
    const signedOutPost = await edit(organisation.id, undefined, vcseForm("Taken Over Ltd"));
    expect(signedOutPost.status).toBe(302);
    expect(signedOutPost.headers.get("location")).toContain("/sign-in");
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toEqual(before);

    // a member who is not its owner is told who can, and is not offered the link
    const page = await callLoader(organisationLoader, {
      path: `/organisations/${organisation.id}`,
      params: { id: organisation.id },
      cookie: cookies[0],
    });
    expect(page.status).toBe(200);
  });

  it("does not change a verified organisation's details", async () => {
    const { organisation, cookie } = await organisationWithOwner("VCSE", "VERIFIED");
    const before = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    const answer = await edit(organisation.id, cookie, {
      ...vcseForm("Renamed After Verification"),
      intent: "save",
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/organisations/${organisation.id}`);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toEqual(before);
    expect(
      await db.auditLog.count({ where: { entityId: organisation.id, actorUserId: { not: null } } }),
    ).toBe(0);
  });
});

describe("the pages, as a browser gets them", () => {
  it("offer the owner of a refused organisation the way on, and tell a member who can", async () => {
    const { organisation, owner } = await organisationWithOwner("VCSE");
    const member = await createUser();
    await addMember(organisation.id, member.id, "MEMBER");
    await reject(organisation.id);
    const editHref = `href="/organisations/${organisation.id}/edit"`;

    const ownersPage = await pageHtmlAs(`/organisations/${organisation.id}`, owner.id);
    expect(ownersPage).toContain(REASON);
    expect(ownersPage).toContain(editHref);
    expect(ownersPage).toContain("Change the details and send for verification again");
    const membersPage = await pageHtmlAs(`/organisations/${organisation.id}`, member.id);
    expect(membersPage).toContain(REASON);
    expect(membersPage).not.toContain(editHref);
    expect(membersPage).toContain("owner can change its details and send it for verification again");

    const form = await pageHtmlAs(`/organisations/${organisation.id}/edit`, owner.id);
    expect(form).toContain("Change your organisation&#x27;s details");
    expect(form).toContain(REASON);
    expect(form).toContain(`value="${organisation.name}"`);
    expect(form).toContain(world.councilA.name);
    expect(form).not.toContain('name="councilId"');
    expect(form).toContain("Send for verification again");

    // without JavaScript: the errors beside their fields, what was typed kept
    const answer = await postPage(
      `/organisations/${organisation.id}/edit`,
      formOf({ ...vcseForm("Riverside Pantry typed"), description: "short" }),
      await sessionCookieFor(owner.id),
    );
    expect(answer.status).toBe(400);
    const html = (await answer.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/id="description-error"[^>]*>.*Description must be 10 characters or more/);
    expect(html).toContain('value="Riverside Pantry typed"');
    expect(html).toContain(">short</textarea>");
  });

  it("offer the owner of a pending organisation to save changes, and say a verified one's are not changed here", async () => {
    const pending = await organisationWithOwner("SUPPLIER");
    const page = await pageHtmlAs(`/organisations/${pending.organisation.id}`, pending.owner.id);
    expect(page).toContain(`href="/organisations/${pending.organisation.id}/edit"`);
    const form = await pageHtmlAs(`/organisations/${pending.organisation.id}/edit`, pending.owner.id);
    expect(form).toContain("Save changes");
    expect(form).toContain(`value="${pending.organisation.companyNumber}"`);
    expect(form).not.toContain("Send for verification again");

    const verified = await organisationWithOwner("VCSE", "VERIFIED");
    const verifiedPage = await pageHtmlAs(`/organisations/${verified.organisation.id}`, verified.owner.id);
    // only its contact email is still the owner's to change (decision 039, addendum)
    expect(verifiedPage).not.toContain("Change details");
    expect(verifiedPage).toMatch(
      new RegExp(`href="/organisations/${verified.organisation.id}/edit">Change contact email`),
    );
    const verifiedForm = await pageHtmlAs(
      `/organisations/${verified.organisation.id}/edit`,
      verified.owner.id,
    );
    expect(verifiedForm).toContain("can no longer be changed here");
    expect(verifiedForm).not.toContain("Save changes");
    expect(verifiedForm).not.toContain('name="name"');
    expect(verifiedForm).toContain('name="contactEmail"');
    expect(verifiedForm).toContain("Save contact email");
  });
});
