import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { DEFAULT_GUIDANCE } from "~/domain/content/default-guidance.ts";
import { DEFAULT_CATEGORIES, DEFAULT_MEASURES } from "~/domain/contracts/default-measures.ts";
import { action as adminCouncilsAction, loader as adminCouncilsLoader } from "~/routes/admin.councils.tsx";
import { loader as mailboxEmailLoader } from "~/routes/admin.mailbox.$id.tsx";
import { loader as mailboxLoader } from "~/routes/admin.mailbox._index.tsx";
import {
  action as verifyOrganisationAction,
  loader as verifyOrganisationLoader,
} from "~/routes/council.verification.$id.tsx";
import { loader as queueLoader } from "~/routes/council.verification._index.tsx";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitations.$token.tsx";
import {
  action as organisationAction,
  loader as organisationLoader,
} from "~/routes/organisations.$id._index/route.tsx";
import { action as newSupplierAction } from "~/routes/organisations.new.supplier.tsx";
import { action as newVcseAction, loader as newVcseLoader } from "~/routes/organisations.new.vcse.tsx";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { action as switchAction } from "~/routes/switch-organisation.tsx";
import {
  addMember,
  createCouncil,
  createMember,
  createOrganisation,
  createUser,
  createWorld,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const cookies = Object.fromEntries(
  await Promise.all(
    Object.entries(world.users).map(async ([key, user]) => [key, await sessionCookieFor(user.id)] as const),
  ),
) as Record<keyof typeof world.users, string>;

function invitationToken(text: string) {
  const match = text.match(/\/invitations\/([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no invitation link in ${text}`);
  return match[1];
}

/** An organisation of council A in `status`, with an owner of its own. */
async function ownedOrganisation(kind: "VCSE" | "SUPPLIER", status: "PENDING" | "REJECTED") {
  const organisation = await createOrganisation({ kind, councilId: world.councilA.id, status });
  const owner = await createUser();
  await addMember(organisation.id, owner.id, "OWNER");
  return { organisation, owner };
}

/** The verification page of an organisation, as `cookie` opens it. */
const verificationOf = (id: string, cookie: string) => ({
  path: `/council/verification/${id}`,
  params: { id },
  cookie,
});

async function emailsTo(to: string) {
  return db.emailOutbox.findMany({ where: { to }, orderBy: { createdAt: "asc" } });
}

describe("registering organisations", () => {
  it("registers a pending VCSE with its creator as owner and tells the council's admins", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const page = await callLoader(newVcseLoader, { path: "/organisations/new/vcse", cookie });
    const { councils } = (await page.json()) as { councils: { id: string }[] };
    expect(councils.map((c) => c.id)).toContain(world.councilA.id);

    const response = await callAction(newVcseAction, {
      path: "/organisations/new/vcse",
      cookie,
      form: {
        name: "Hillside Food Bank",
        councilId: world.councilA.id,
        areaServed: "Hillside estate",
        description: "We run a weekly food bank for families on the estate.",
      },
    });
    expect(response.status).toBe(302);
    const organisation = await db.organisation.findFirstOrThrow({ where: { name: "Hillside Food Bank" } });
    expect(organisation).toMatchObject({ kind: "VCSE", status: "PENDING", councilId: world.councilA.id });
    expect(response.headers.get("location")).toBe(`/organisations/${organisation.id}`);
    const membership = await db.membership.findFirstOrThrow({ where: { organisationId: organisation.id } });
    expect(membership).toMatchObject({ userId: user.id, role: "OWNER" });
    expect((await emailsTo(world.users.councilAdmin.email)).some((e) => e.subject.includes("Hillside"))).toBe(
      true,
    );
  });

  it("registers once when the form is sent twice at once", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const name = unique("Twice Food Bank");
    const send = () =>
      callAction(newVcseAction, {
        path: "/organisations/new/vcse",
        cookie,
        form: {
          name,
          councilId: world.councilA.id,
          areaServed: "Town",
          description: "Food parcels for families.",
        },
      });
    const answers = await Promise.all([send(), send()]);
    const made = await db.organisation.findMany({ where: { name } });
    expect(made).toHaveLength(1);
    for (const answer of answers) expect(answer.headers.get("location")).toBe(`/organisations/${made[0].id}`);
    expect(
      await db.auditLog.count({ where: { action: "organisation.register", entityId: made[0].id } }),
    ).toBe(1);
  });

  it("registers a supplier and works out its business size", async () => {
    const user = await createUser();
    const response = await callAction(newSupplierAction, {
      path: "/organisations/new/supplier",
      cookie: await sessionCookieFor(user.id),
      form: {
        name: "Tiny Trades Ltd",
        councilId: world.councilA.id,
        companyNumber: "12345678",
        registeredPostcode: "gu13uw",
        staffHeadcount: "6",
        turnoverBand: "UP_TO_2M",
        balanceSheetBand: "2M_10M",
      },
    });
    expect(response.status).toBe(302);
    const organisation = await db.organisation.findFirstOrThrow({ where: { name: "Tiny Trades Ltd" } });
    expect(organisation).toMatchObject({
      kind: "SUPPLIER",
      status: "PENDING",
      businessSize: "MICRO",
      registeredPostcode: "GU1 3UW",
    });
  });

  it("shows every problem at once and keeps what was typed", async () => {
    const user = await createUser();
    const response = await callAction(newSupplierAction, {
      path: "/organisations/new/supplier",
      cookie: await sessionCookieFor(user.id),
      form: {
        name: "Half Done Ltd",
        companyNumber: "123",
        registeredPostcode: "nowhere",
        staffHeadcount: "lots",
      },
    });
    expect(response.status).toBe(400);
    const reply = (await response.json()) as {
      error: Record<string, string[]>;
      initialValue: Record<string, string>;
    };
    expect(Object.keys(reply.error).sort()).toEqual(
      [
        "balanceSheetBand",
        "companyNumber",
        "councilId",
        "registeredPostcode",
        "staffHeadcount",
        "turnoverBand",
      ].sort(),
    );
    expect(reply.initialValue.name).toBe("Half Done Ltd");
  });

  it("refuses a council that does not exist", async () => {
    const user = await createUser();
    const response = await callAction(newVcseAction, {
      path: "/organisations/new/vcse",
      cookie: await sessionCookieFor(user.id),
      form: {
        name: "Ghost Group",
        councilId: world.vcse.id,
        areaServed: "Here",
        description: "A description that is long enough.",
      },
    });
    expect(response.status).toBe(400);
    expect(await db.organisation.count({ where: { name: "Ghost Group" } })).toBe(0);
  });

  it("asks for a confirmed email address first", async () => {
    const user = await createUser({ verified: false });
    const response = await callLoader(newVcseLoader, {
      path: "/organisations/new/vcse",
      cookie: await sessionCookieFor(user.id),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/verify-email");
  });

  it("lets only a platform admin create councils and partnerships", async () => {
    for (const who of ["councilAdmin", "supplierOwner"] as const) {
      expect(
        (await callLoader(adminCouncilsLoader, { path: "/admin/councils", cookie: cookies[who] })).status,
      ).toBe(404);
      const refused = await callAction(adminCouncilsAction, {
        path: "/admin/councils",
        cookie: cookies[who],
        form: { intent: "create-council", name: "Rogue Council", adminEmail: "rogue@example.test" },
      });
      expect(refused.status).toBe(404);
    }
    const partnership = await callAction(adminCouncilsAction, {
      path: "/admin/councils",
      cookie: cookies.platformAdmin,
      form: { intent: "create-partnership", partnershipName: "Westshire Partnership" },
    });
    expect(partnership.status).toBe(302);
    const created = await db.partnership.findUniqueOrThrow({ where: { name: "Westshire Partnership" } });
    const adminEmail = `${unique("first.admin")}@example.test`;
    const council = await callAction(adminCouncilsAction, {
      path: "/admin/councils",
      cookie: cookies.platformAdmin,
      form: { intent: "create-council", name: "Westshire Council", partnershipId: created.id, adminEmail },
    });
    expect(council.status).toBe(302);
    const westshire = await db.organisation.findFirstOrThrow({
      where: { name: "Westshire Council" },
      include: { councilSettings: true },
    });
    expect(westshire).toMatchObject({ kind: "COUNCIL", status: "VERIFIED", partnershipId: created.id });
    expect(westshire.councilSettings).not.toBeNull();
    // ready for work on day one: the default needs and priorities, measure library and guidance
    const [categories, measures, guidance] = await Promise.all([
      db.category.findMany({ where: { councilId: westshire.id }, orderBy: { sortOrder: "asc" } }),
      db.measure.findMany({ where: { councilId: westshire.id } }),
      db.guidancePage.findMany({ where: { councilId: westshire.id } }),
    ]);
    expect(categories.map((c) => c.name)).toEqual(DEFAULT_CATEGORIES);
    expect(categories.every((c) => c.active && /^[a-z0-9-]+$/.test(c.slug))).toBe(true);
    expect(measures.map((m) => m.code).sort()).toEqual(DEFAULT_MEASURES.map((m) => m.code).sort());
    expect(measures.every((m) => m.proxyValueGbp === null && m.retiredAt === null)).toBe(true);
    expect(guidance.map((g) => g.slug).sort()).toEqual(DEFAULT_GUIDANCE.map((g) => g.slug).sort());
    const invite = (await emailsTo(adminEmail))[0];
    expect(invite.subject).toContain("Westshire Council");
    expect(invite.councilId).toBe(westshire.id);

    const duplicate = await callAction(adminCouncilsAction, {
      path: "/admin/councils",
      cookie: cookies.platformAdmin,
      form: { intent: "create-council", name: "westshire council", adminEmail },
    });
    expect(duplicate.status).toBe(400);
  });

  it("makes a partnership sent twice once, refuses another admin's with the same name or one that does not exist", async () => {
    const name = unique("Twin Partnership");
    const add = (cookie: string) =>
      callAction(adminCouncilsAction, {
        path: "/admin/councils",
        cookie,
        form: { intent: "create-partnership", partnershipName: name },
      });
    // a double click, at once and once more after: answered as the first
    const twice = [
      ...(await Promise.all([0, 1].map(() => add(cookies.platformAdmin)))),
      await add(cookies.platformAdmin),
    ];
    expect(twice.map((r) => r.status)).toEqual([302, 302, 302]);
    expect(await db.partnership.count({ where: { name } })).toBe(1);
    expect(
      await db.auditLog.count({
        where: { action: "partnership.create", details: { path: ["name"], equals: name } },
      }),
    ).toBe(1);
    const otherAdmin = await createUser({ isPlatformAdmin: true });
    const taken = await add(await sessionCookieFor(otherAdmin.id));
    expect(taken.status).toBe(400);
    expect(JSON.stringify(await taken.json())).toContain("already exists");

    const council = await createCouncil();
    const unknown = await callAction(adminCouncilsAction, {
      path: "/admin/councils",
      cookie: cookies.platformAdmin,
      form: { intent: "set-partnership", councilId: council.id, partnershipId: "no-such-partnership" },
    });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(await unknown.json())).toContain("That partnership no longer exists");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: council.id } })).partnershipId).toBeNull();
  });
});

describe("council verification", () => {
  it("pages the queue, oldest first, 25 at a time", async () => {
    const council = await createCouncil();
    const officer = await sessionCookieFor((await createMember(council.id, "OFFICER")).id);
    for (let i = 0; i < 26; i++)
      await createOrganisation({ kind: "VCSE", councilId: council.id, status: "PENDING" });
    const pending = await db.organisation.findMany({
      where: { councilId: council.id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    const pageOf = async (path: string) =>
      jsonOf<{ queue: { id: string }[]; total: number; page: number; pageCount: number }>(
        await callLoader(queueLoader, { path, cookie: officer }),
      );
    const first = await pageOf("/council/verification");
    expect(first).toMatchObject({ total: 26, page: 1, pageCount: 2 });
    expect(first.queue.map((o) => o.id)).toEqual(pending.slice(0, 25).map((o) => o.id));
    const second = await pageOf("/council/verification?page=2");
    expect(second.queue.map((o) => o.id)).toEqual([pending[25].id]);
    expect((await pageOf("/council/verification?page=nonsense")).page).toBe(1);
  });

  it("lists pending organisations of the officer's own council only", async () => {
    const pendingA = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const pendingB = await createOrganisation({
      kind: "SUPPLIER",
      councilId: world.councilB.id,
      status: "PENDING",
    });
    const queueA = (await (
      await callLoader(queueLoader, { path: "/council/verification", cookie: cookies.officerA })
    ).json()) as {
      queue: { id: string }[];
    };
    expect(queueA.queue.map((o) => o.id)).toContain(pendingA.id);
    expect(queueA.queue.map((o) => o.id)).not.toContain(pendingB.id);
    expect(queueA.queue.map((o) => o.id)).not.toContain(world.vcse.id); // already verified
    for (const who of ["vcseOwner", "supplierOwner"] as const)
      expect(
        (await callLoader(queueLoader, { path: "/council/verification", cookie: cookies[who] })).status,
      ).toBe(404);
    const other = await callLoader(verifyOrganisationLoader, verificationOf(pendingB.id, cookies.officerA));
    expect(other.status).toBe(404);
  });

  it("verifies once, emails the owners and audits it", async () => {
    const { organisation, owner } = await ownedOrganisation("VCSE", "PENDING");
    const args = verificationOf(organisation.id, cookies.officerA);
    const response = await callAction(verifyOrganisationAction, { ...args, form: { intent: "verify" } });
    expect(response.status).toBe(302);
    const verified = await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } });
    expect(verified).toMatchObject({ status: "VERIFIED", verifiedById: world.users.officerA.id });
    const mail = await emailsTo(owner.email);
    expect(mail.map((m) => m.subject)).toEqual([`${organisation.name} has been verified`]);
    expect(mail[0].html).toContain(world.councilA.name);
    // what a charity can now do: each request still waits for the council's approval (session 28)
    expect(mail[0].text).toContain("You can now send requests for help for the council to approve");
    expect(mail[0].text).not.toContain("pledge to requests");
    expect(
      await db.auditLog.count({
        where: {
          action: "organisation.verify",
          entityId: organisation.id,
          organisationId: world.councilA.id,
        },
      }),
    ).toBe(1);
    const again = await callAction(verifyOrganisationAction, {
      ...args,
      form: { intent: "reject", reason: "Changed my mind about it" },
    });
    expect(again.status).toBe(409);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).status).toBe(
      "VERIFIED",
    );
  });

  it("rejects with a reason the owners receive, and needs that reason", async () => {
    const { organisation, owner } = await ownedOrganisation("SUPPLIER", "PENDING");
    const args = verificationOf(organisation.id, cookies.officerA);
    const noReason = await callAction(verifyOrganisationAction, { ...args, form: { intent: "reject" } });
    expect(noReason.status).toBe(400);
    const response = await callAction(verifyOrganisationAction, {
      ...args,
      form: { intent: "reject", reason: "The company number belongs to a different business." },
    });
    expect(response.status).toBe(302);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).toMatchObject({
      status: "REJECTED",
      rejectionReason: "The company number belongs to a different business.",
    });
    const [mail] = await emailsTo(owner.email);
    expect(mail.text).toContain("The company number belongs to a different business.");
  });

  it("tells a rejected group posting a request that it was not verified, not that it is still waiting", async () => {
    const { owner } = await ownedOrganisation("VCSE", "REJECTED");
    const page = await (await renderPage("/requests/new", await sessionCookieFor(owner.id))).text();
    expect(page).toContain("The council did not verify your organisation");
    expect(page).not.toContain("waiting to be verified");
  });

  it("does not let an officer of another council decide", async () => {
    const organisation = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilA.id,
      status: "PENDING",
    });
    const response = await callAction(verifyOrganisationAction, {
      ...verificationOf(organisation.id, cookies.officerB),
      form: { intent: "verify" },
    });
    expect(response.status).toBe(404);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).status).toBe(
      "PENDING",
    );
  });

  it("lets an officer of two partner councils work for each in turn, seeing only that council's queue", async () => {
    const both = await createUser();
    await addMember(world.councilA.id, both.id, "OFFICER");
    await addMember(world.councilB.id, both.id, "OFFICER");
    const cookie = await sessionCookieFor(both.id);
    const pendingB = await createOrganisation({
      kind: "VCSE",
      councilId: world.councilB.id,
      status: "PENDING",
    });
    const switched = await callAction(switchAction, {
      path: "/switch-organisation",
      cookie,
      form: { organisationId: world.councilB.id, redirectTo: "/council/verification" },
    });
    const orgCookie = switched.headers.get("set-cookie")!.split(";")[0];
    const queue = (await (
      await callLoader(queueLoader, { path: "/council/verification", cookie: `${cookie}; ${orgCookie}` })
    ).json()) as { councilName: string; queue: { id: string }[] };
    expect(queue.councilName).toBe(world.councilB.name);
    expect(queue.queue.map((o) => o.id)).toContain(pendingB.id);
    const refused = await callAction(switchAction, {
      path: "/switch-organisation",
      cookie,
      form: { organisationId: world.vcse.id },
    });
    expect(refused.status).toBe(404);
  });
});

describe("members and invitations", () => {
  it("hides another organisation's membership page (404) from every outsider", async () => {
    for (const who of ["otherSupplierOwner", "vcseOwner", "officerA", "platformAdmin"] as const) {
      const page = await callLoader(organisationLoader, {
        path: `/organisations/${world.supplier.id}`,
        params: { id: world.supplier.id },
        cookie: cookies[who],
      });
      expect(page.status).toBe(404);
      const act = await callAction(organisationAction, {
        path: `/organisations/${world.supplier.id}`,
        params: { id: world.supplier.id },
        cookie: cookies[who],
        form: { intent: "invite", email: "attacker@example.test", role: "OWNER" },
      });
      expect(act.status).toBe(404);
    }
    expect(await db.invitation.count({ where: { email: "attacker@example.test" } })).toBe(0);
    const own = await callLoader(organisationLoader, {
      path: `/organisations/${world.supplier.id}`,
      params: { id: world.supplier.id },
      cookie: cookies.supplierMember,
    });
    expect(own.status).toBe(200);
  });

  it("only owners invite; an invited person signs up from the link and joins", async () => {
    const org = { path: `/organisations/${world.vcse.id}`, params: { id: world.vcse.id } };
    const email = `${unique("colleague")}@example.test`;
    const byMember = await callAction(organisationAction, {
      ...org,
      cookie: cookies.vcseMember,
      form: { intent: "invite", email, role: "MEMBER" },
    });
    expect(byMember.status).toBe(400);
    const wrongRole = await callAction(organisationAction, {
      ...org,
      cookie: cookies.vcseOwner,
      form: { intent: "invite", email, role: "ADMIN" },
    });
    expect(wrongRole.status).toBe(400);
    const sent = await callAction(organisationAction, {
      ...org,
      cookie: cookies.vcseOwner,
      form: { intent: "invite", email, role: "MEMBER" },
    });
    expect(sent.status).toBe(302);
    const token = invitationToken((await emailsTo(email))[0].text);

    const preview = (await (
      await callLoader(invitationLoader, { path: `/invitations/${token}`, params: { token } })
    ).json()) as { invitation: { organisation: string } };
    expect(preview.invitation.organisation).toBe(world.vcse.name);

    const otherAddress = await callAction(signUpAction, {
      path: "/sign-up",
      form: {
        name: "Col League",
        email: `${unique("x")}@example.test`,
        password: TEST_PASSWORD,
        invitation: token,
      },
    });
    expect(otherAddress.status).toBe(400);
    const joined = await callAction(signUpAction, {
      path: "/sign-up",
      form: { name: "Col League", email, password: TEST_PASSWORD, invitation: token },
    });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("location")).toBe(`/organisations/${world.vcse.id}`);
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.memberships).toMatchObject([{ organisationId: world.vcse.id, role: "MEMBER" }]);
    const used = await callLoader(invitationLoader, { path: `/invitations/${token}`, params: { token } });
    expect(((await used.json()) as { invitation: unknown }).invitation).toBeNull();
  });

  it("signing up from an invitation sent twice at once makes one account that joins once", async () => {
    const email = `${unique("twice")}@example.test`;
    await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: cookies.vcseOwner,
      form: { intent: "invite", email, role: "MEMBER" },
    });
    const token = invitationToken((await emailsTo(email))[0].text);
    const submit = (password: string) =>
      callAction(signUpAction, {
        path: "/sign-up",
        form: { name: "Dee Double", email, password, invitation: token },
      });
    const answers = await Promise.all([submit(TEST_PASSWORD), submit(TEST_PASSWORD)]);
    for (const answer of answers) {
      expect(answer.status).toBe(302);
      expect(answer.headers.get("location")).toBe(`/organisations/${world.vcse.id}`);
    }
    const user = await db.user.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
    expect(user.memberships).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: "membership.join", actorUserId: user.id } })).toBe(1);
    // someone else with the link later, without the password, gets nowhere
    const later = await submit("a different password altogether");
    expect(later.status).toBe(400);
    expect(JSON.stringify(await later.json())).toContain("You already have an account");
  });

  it("an existing user accepts with the address it was sent to, and not before", async () => {
    const org = { path: `/organisations/${world.supplier.id}`, params: { id: world.supplier.id } };
    const invitee = await createUser();
    await callAction(organisationAction, {
      ...org,
      cookie: cookies.supplierOwner,
      form: { intent: "invite", email: invitee.email, role: "OWNER" },
    });
    const token = invitationToken((await emailsTo(invitee.email))[0].text);
    const stranger = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: cookies.otherSupplierOwner,
    });
    // refused as it is for someone else, as a decline they sent would be
    expect(stranger.status).toBe(403);
    expect(
      await db.membership.count({
        where: { organisationId: world.supplier.id, userId: world.users.otherSupplierOwner.id },
      }),
    ).toBe(0);
    const accepted = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(invitee.id),
    });
    expect(accepted.status).toBe(302);
    expect(
      await db.membership.findFirst({ where: { organisationId: world.supplier.id, userId: invitee.id } }),
    ).toMatchObject({
      role: "OWNER",
    });
    expect(await db.auditLog.count({ where: { action: "membership.join", actorUserId: invitee.id } })).toBe(
      1,
    );
  });

  it("refuses an expired invitation", async () => {
    const invitee = await createUser();
    await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: cookies.vcseOwner,
      form: { intent: "invite", email: invitee.email, role: "MEMBER" },
    });
    const token = invitationToken((await emailsTo(invitee.email))[0].text);
    await db.invitation.updateMany({
      where: { email: invitee.email },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const response = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(invitee.id),
    });
    expect(response.status).toBe(400);
    expect(await db.membership.count({ where: { userId: invitee.id } })).toBe(0);
  });

  it("owners change roles and remove members; the last owner cannot go", async () => {
    const council = await createCouncil();
    const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
    const owner = await createUser();
    const helper = await createUser();
    const ownerMembership = await addMember(group.id, owner.id, "OWNER");
    const helperMembership = await addMember(group.id, helper.id, "MEMBER");
    const ownerCookie = await sessionCookieFor(owner.id);
    const helperCookie = await sessionCookieFor(helper.id);
    const args = { path: `/organisations/${group.id}`, params: { id: group.id } };

    const selfDemote = await callAction(organisationAction, {
      ...args,
      cookie: ownerCookie,
      form: { intent: "change-role", membershipId: ownerMembership.id, role: "MEMBER" },
    });
    expect(selfDemote.status).toBe(400);
    const ownerLeaves = await callAction(organisationAction, {
      ...args,
      cookie: ownerCookie,
      form: { intent: "leave" },
    });
    expect(ownerLeaves.status).toBe(400);
    expect(JSON.stringify(await ownerLeaves.json())).toContain("last owner");

    const memberTries = await callAction(organisationAction, {
      ...args,
      cookie: helperCookie,
      form: { intent: "remove", membershipId: ownerMembership.id },
    });
    expect(memberTries.status).toBe(400);

    const promoted = await callAction(organisationAction, {
      ...args,
      cookie: ownerCookie,
      form: { intent: "change-role", membershipId: helperMembership.id, role: "OWNER" },
    });
    expect(promoted.status).toBe(302);
    expect(
      await db.auditLog.findFirst({
        where: { action: "membership.role_change", entityId: helperMembership.id },
      }),
    ).toMatchObject({ actorUserId: owner.id, details: { from: "MEMBER", to: "OWNER" } });

    const leaves = await callAction(organisationAction, {
      ...args,
      cookie: ownerCookie,
      form: { intent: "leave" },
    });
    expect(leaves.status).toBe(302);
    const removedSelf = await callAction(organisationAction, {
      ...args,
      cookie: helperCookie,
      form: { intent: "remove", membershipId: helperMembership.id },
    });
    expect(removedSelf.status).toBe(400); // the only owner left
    expect(await db.membership.count({ where: { organisationId: group.id } })).toBe(1);
  });

  it("an owner removes a member", async () => {
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const owner = await createUser();
    const member = await createUser();
    await addMember(group.id, owner.id, "OWNER");
    const membership = await addMember(group.id, member.id, "MEMBER");
    const response = await callAction(organisationAction, {
      path: `/organisations/${group.id}`,
      params: { id: group.id },
      cookie: await sessionCookieFor(owner.id),
      form: { intent: "remove", membershipId: membership.id },
    });
    expect(response.status).toBe(302);
    expect(await db.membership.count({ where: { id: membership.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "membership.remove", entityId: membership.id } })).toBe(
      1,
    );
  });
});

describe("local mailbox", () => {
  it("shows the outbox to platform admins only", async () => {
    const email = `${unique("mailbox")}@example.test`;
    await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: cookies.vcseOwner,
      form: { intent: "invite", email, role: "MEMBER" },
    });
    const row = (await emailsTo(email))[0];
    expect(
      (await callLoader(mailboxLoader, { path: "/admin/mailbox", cookie: cookies.councilAdmin })).status,
    ).toBe(404);
    const list = (await (
      await callLoader(mailboxLoader, { path: "/admin/mailbox", cookie: cookies.platformAdmin })
    ).json()) as {
      emails: { id: string }[];
    };
    expect(list.emails.map((e) => e.id)).toContain(row.id);
    const one = (await (
      await callLoader(mailboxEmailLoader, {
        path: `/admin/mailbox/${row.id}`,
        params: { id: row.id },
        cookie: cookies.platformAdmin,
      })
    ).json()) as { email: { text: string } };
    expect(one.email.text).toContain("/invitations/");
    expect(
      (
        await callLoader(mailboxEmailLoader, {
          path: `/admin/mailbox/${row.id}`,
          params: { id: row.id },
          cookie: cookies.vcseOwner,
        })
      ).status,
    ).toBe(404);
  });
});
