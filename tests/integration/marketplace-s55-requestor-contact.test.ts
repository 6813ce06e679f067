// A request posted with "How should a supplier contact you?" left blank gave the supplier whose pledge was accepted
// "How to contact the requestor: Not given", and the "Pledge accepted" email no contact line at all; a preference of
// only "Email the coordinator" gave no address. With no messaging in the portal the supplier could not arrange the
// delivery. An agreed pledge's supplier is now given the preference (if any) and an address: the group's contact
// address, else the person who posted the request while still a member, else the group's owners. Nobody else is.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { PledgeStatus } from "~/generated/prisma/enums.ts";
import { action as pledgeAction, loader as pledgeLoader } from "~/routes/pledges.$id.tsx";
import { loader as publicLoader } from "~/routes/requests.$id._index.tsx";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import {
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

// a request of the world's VCSE, posted by its member, with no contact preference (the form's field left blank)
async function blankContactRequest(organisationId = world.vcse.id, createdById = world.users.vcseMember.id) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId,
    categoryId: world.category.id,
    createdById,
    quantity: 20,
    pledgedQuantity: 5,
    status: "PARTIALLY_PLEDGED",
  });
  await db.request.update({ where: { id: need.id }, data: { contactPreference: null } });
  return need;
}

async function pageText(pledgeId: string, cookie: string | undefined) {
  const response = await callLoader(pledgeLoader, { path: "/", params: { id: pledgeId }, cookie });
  return { status: response.status, text: await response.text() };
}

async function accept(pledgeId: string) {
  const response = await callAction(pledgeAction, {
    path: "/",
    params: { id: pledgeId },
    cookie: cookies.vcseOwner,
    form: { intent: "accept" },
  });
  expect(response.status).toBe(302);
}

describe("how a supplier whose pledge was accepted reaches the requestor", () => {
  it("is the poster's address, on the pledge page and in the email, once accepted and not before", async () => {
    const need = await blankContactRequest();
    const address = world.users.vcseMember.email;
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierOwner.id,
    });
    const offered = await pageText(pledge.id, cookies.supplierOwner);
    expect(offered.status).toBe(200);
    expect(offered.text).not.toContain(address);

    await accept(pledge.id);
    const accepted = await pageText(pledge.id, cookies.supplierMember);
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain(address);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: {
        template: "marketplace.accept",
        to: world.users.supplierOwner.email,
        subject: { contains: need.title },
      },
    });
    expect(email.text).toContain(`Email the requestor at ${address}`);
    expect(email.html).toContain(address);
  });

  it("is given with the preference when that names no address ('Email the coordinator')", async () => {
    const need = await blankContactRequest();
    await db.request.update({ where: { id: need.id }, data: { contactPreference: "Email the coordinator" } });
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      createdById: world.users.supplierOwner.id,
    });
    await accept(pledge.id);
    const { text } = await pageText(pledge.id, cookies.supplierOwner);
    expect(text).toContain("Email the coordinator");
    expect(text).toContain(world.users.vcseMember.email);
    const email = await db.emailOutbox.findFirstOrThrow({
      where: {
        template: "marketplace.accept",
        to: world.users.supplierOwner.email,
        subject: { contains: need.title },
      },
    });
    expect(email.text).toContain("Email the coordinator");
    expect(email.text).toContain(world.users.vcseMember.email);
  });

  it("stays while the pledge is agreed, and is not shown for an offer, a declined or a withdrawn pledge", async () => {
    const shown: PledgeStatus[] = ["ACCEPTED", "DELIVERED", "DISPUTED", "CONFIRMED"];
    const hidden: PledgeStatus[] = ["OFFERED", "DECLINED", "WITHDRAWN"];
    for (const status of [...shown, ...hidden]) {
      const need = await blankContactRequest();
      const pledge = await createPledge({
        requestId: need.id,
        supplierOrganisationId: world.supplier.id,
        status,
      });
      const { text } = await pageText(pledge.id, cookies.supplierOwner);
      expect({ status, shown: text.includes(world.users.vcseMember.email) }).toEqual({
        status,
        shown: shown.includes(status),
      });
    }
  });

  it("is not given to another supplier, an officer reading the pledge, or on public pages", async () => {
    const need = await blankContactRequest();
    const address = world.users.vcseMember.email;
    const pledge = await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id });
    await accept(pledge.id);
    // another supplier's own offer on the same request
    const theirs = await createPledge({ requestId: need.id, supplierOrganisationId: world.otherSupplier.id });
    expect((await pageText(pledge.id, cookies.otherSupplierOwner)).status).toBe(404);
    const theirPage = await pageText(theirs.id, cookies.otherSupplierOwner);
    expect(theirPage.status).toBe(200);
    expect(theirPage.text).not.toContain(address);
    const officer = await pageText(pledge.id, cookies.officerA);
    expect(officer.status).toBe(200);
    expect(officer.text).not.toContain(address);
    for (const cookie of [undefined, cookies.supplierOwner, cookies.otherSupplierOwner]) {
      const page = await callLoader(publicLoader, { path: "/", params: { id: need.id }, cookie });
      expect(await page.text()).not.toContain(address);
    }
    expect(await (await callLoader(listLoader, { path: "/requests" })).text()).not.toContain(address);
  });

  it("is no longer given once the requestor calls the pledge off", async () => {
    const need = await blankContactRequest();
    const pledge = await createPledge({ requestId: need.id, supplierOrganisationId: world.supplier.id });
    await accept(pledge.id);
    expect((await pageText(pledge.id, cookies.supplierOwner)).text).toContain(world.users.vcseMember.email);
    const calledOff = await callAction(pledgeAction, {
      path: "/",
      params: { id: pledge.id },
      cookie: cookies.vcseOwner,
      form: { intent: "decline", reason: "We found help nearer to us." },
    });
    expect(calledOff.status).toBe(302);
    expect((await pageText(pledge.id, cookies.supplierOwner)).text).not.toContain(
      world.users.vcseMember.email,
    );
  });

  it("is the group's contact address when it has one, else its owners' once the poster has left", async () => {
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const owner = await createMember(group.id, "OWNER");
    const poster = await createMember(group.id, "MEMBER");
    const need = await blankContactRequest(group.id, poster.id);
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      status: "ACCEPTED",
    });
    const shown = async () => (await pageText(pledge.id, cookies.supplierOwner)).text;

    expect(await shown()).toContain(poster.email);
    await db.membership.deleteMany({ where: { organisationId: group.id, userId: poster.id } });
    const left = await shown();
    expect(left).not.toContain(poster.email);
    expect(left).toContain(owner.email);

    await db.organisation.update({
      where: { id: group.id },
      data: { contactEmail: "hello@group.example.test" },
    });
    const withAddress = await shown();
    expect(withAddress).toContain("hello@group.example.test");
    expect(withAddress).not.toContain(owner.email);
  });
});
