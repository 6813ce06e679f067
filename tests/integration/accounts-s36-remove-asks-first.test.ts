// On an organisation's page, an owner's "Remove" beside a member removed them in one click. It now leads to a
// question (GET /organisations/<id>?remove=<membership id>) saying what removing means, with "Yes, remove" (one
// POST, as before) and "Cancel". Also: an owner inviting their own address is told they are already a member.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import type { Membership } from "~/generated/prisma/client.ts";
import * as organisationPage from "~/routes/organisations.$id._index/route.tsx";
import {
  addMember,
  createCouncil,
  createOrganisation,
  createUser,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

afterAll(() => closeRateLimits());

let organisationId: string;
let organisationName: string;
let ownerEmail: string;
let ownerCookie: string;
let memberCookie: string;
let owner: Membership;
let member: Membership;

beforeAll(async () => {
  const council = await createCouncil();
  organisationName = unique("Riverside Food Bank");
  const group = await createOrganisation({ kind: "VCSE", councilId: council.id, name: organisationName });
  organisationId = group.id;
  const ownerUser = await createUser({ name: "Olive Owner" });
  ownerEmail = ownerUser.email;
  owner = await addMember(group.id, ownerUser.id, "OWNER");
  member = await addMember(group.id, (await createUser({ name: "Milo Member" })).id, "MEMBER");
  ownerCookie = await sessionCookieFor(owner.userId);
  memberCookie = await sessionCookieFor(member.userId);
});

async function pageAt(search: string, cookie = ownerCookie) {
  const page = await callLoader(organisationPage.loader, {
    path: `/organisations/${organisationId}${search}`,
    params: { id: organisationId },
    cookie,
  });
  expect(page.status).toBe(200);
  pageData.loaderData = await page.json();
  pageData.actionData = undefined;
  return renderComponent(organisationPage.default);
}

describe("removing a member", () => {
  it("is a link to a question on the page, not a button removing them at once", async () => {
    const html = await pageAt("");
    expect(html).not.toMatch(/name="intent" value="remove"/);
    expect(html).toContain(`href="/organisations/${organisationId}?remove=${member.id}"`);
    expect(html).toContain(`id="remove-${member.id}"`); // a refusal still links to it from the error summary
  });

  it("asks first, saying what it means, with 'Yes, remove' and 'Cancel'", async () => {
    const html = await pageAt(`?remove=${member.id}`);
    expect(html).toContain(`Remove Milo Member from ${organisationName}?`);
    expect(html).toContain("no longer be able to");
    expect(html).toContain("What they wrote");
    expect(html).toMatch(/<form[^>]*method="post"[^>]*action="\/organisations\/[^"?]+\?index"/);
    expect(html).toMatch(new RegExp(`<input type="hidden" name="membershipId" value="${member.id}"/>`));
    expect(html).toMatch(/<button[^>]*name="intent"[^>]*value="remove"[^>]*>Yes, remove<\/button>/);
    expect(html).toMatch(new RegExp(`<a[^>]*href="/organisations/${organisationId}"[^>]*>Cancel</a>`));
    expect(await db.membership.count({ where: { id: member.id } })).toBe(1); // asking removes nobody
  });

  it("asks nothing of a member who may not remove, nor about oneself or someone not a member", async () => {
    for (const [search, cookie] of [
      [`?remove=${owner.id}`, memberCookie],
      [`?remove=${owner.id}`, ownerCookie],
      ["?remove=no-such-membership", ownerCookie],
    ] as const) {
      const html = await pageAt(search, cookie);
      expect(html).not.toContain("Yes, remove");
      expect(html).toContain("Members");
    }
  });

  it("removes them with the one POST 'Yes, remove' sends", async () => {
    const other = await addMember(organisationId, (await createUser({ name: "Gone Soon" })).id, "MEMBER");
    const answer = await callAction(organisationPage.action, {
      path: `/organisations/${organisationId}?index`,
      params: { id: organisationId },
      cookie: ownerCookie,
      form: { intent: "remove", membershipId: other.id },
    });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe(`/organisations/${organisationId}`);
    expect(await db.membership.count({ where: { id: other.id } })).toBe(0);
  });
});

describe("inviting oneself", () => {
  it("says you are already a member of the organisation", async () => {
    const answer = await callAction(organisationPage.action, {
      path: `/organisations/${organisationId}`,
      params: { id: organisationId },
      cookie: ownerCookie,
      form: { intent: "invite", email: ownerEmail, role: "MEMBER" },
    });
    expect(answer.status).toBe(400);
    const body = await answer.text();
    expect(body).toContain(`You are already a member of ${organisationName}`);
    expect(body).not.toContain("This person is already a member");
  });
});
