// The organisation page has a form in every member's row (their role, removing them) and the invitation form, and
// every refusal used to come back as the invitation form's: "Select a role" for one member's row showed under the
// invitation form's "Role", the role chosen landed in its radios, and "must keep at least one owner" showed in the
// summary only, next to no member. Each error is now keyed to the row's field or button it concerns.
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Membership } from "~/generated/prisma/client.ts";
import * as organisationPage from "~/routes/organisations.$id._index/route.tsx";
import {
  addMember,
  createCouncil,
  createOrganisation,
  createUser,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

type Reply = { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> };

let organisationId: string;
let cookie: string;
let owner: Membership;
let member: Membership;

beforeAll(async () => {
  const council = await createCouncil();
  const group = await createOrganisation({ kind: "VCSE", councilId: council.id });
  organisationId = group.id;
  owner = await addMember(group.id, (await createUser({ name: "Olive Owner" })).id, "OWNER");
  member = await addMember(group.id, (await createUser({ name: "Milo Member" })).id, "MEMBER");
  cookie = await sessionCookieFor(owner.userId);
});

async function send(form: Record<string, string>) {
  const answer = await callAction(organisationPage.action, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie,
    form,
  });
  expect(answer.status).toBe(400);
  return (await answer.json()) as Reply;
}

async function render(reply: Reply) {
  const page = await callLoader(organisationPage.loader, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie,
  });
  pageData.loaderData = await page.json();
  pageData.actionData = reply;
  return renderComponent(organisationPage.default);
}

// the HTML of one member's row of the members table
const rowOf = (html: string, name: string) =>
  [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).find((row) => row.includes(name)) ?? "";

// the option chosen in a select, as the browser shows it
const chosen = (html: string, id: string) => {
  const select = new RegExp(`<select[^>]*id="${id}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return /<option[^>]*value="([^"]*)"[^>]*selected/.exec(select)?.[1] ?? null;
};

describe("an error about one member, on the organisation page", () => {
  it("keys the last owner's refused role change to that owner's role, keeping the role chosen", async () => {
    const reply = await send({ intent: "change-role", membershipId: owner.id, role: "MEMBER" });
    expect(reply.error).toEqual({ [`role-${owner.id}`]: ["The organisation must keep at least one owner"] });
    expect(reply.initialValue).toMatchObject({ membershipId: owner.id, role: "MEMBER" });

    const html = await render(reply);
    expect(html).toContain(`href="#role-${owner.id}"`); // the error summary links to the owner's role
    expect(rowOf(html, "Olive Owner")).toContain("The organisation must keep at least one owner");
    expect(rowOf(html, "Olive Owner")).toContain(`aria-describedby="role-${owner.id}-error"`);
    expect(rowOf(html, "Milo Member")).not.toContain("must keep");
    expect(chosen(html, `role-${owner.id}`)).toBe("MEMBER");
    expect(chosen(html, `role-${member.id}`)).toBe("MEMBER");
  });

  it("keys a role the organisation does not have to the member it was chosen for, not the invitation form", async () => {
    const reply = await send({ intent: "change-role", membershipId: member.id, role: "ADMIN" });
    expect(reply.error).toEqual({ [`role-${member.id}`]: ["Select a role"] });

    const html = await render(reply);
    expect(rowOf(html, "Milo Member")).toContain("Select a role");
    expect(rowOf(html, "Olive Owner")).not.toContain("Select a role");
    // the invitation form's own "Role" has no error, and the role chosen for the member is not put in it
    expect(html).not.toContain('id="role-error"');
    expect(html).not.toMatch(/<input[^>]*name="role"[^>]*value="ADMIN"/);
    expect(chosen(html, `role-${owner.id}`)).toBe("OWNER");
  });

  it("keys a role that does not exist at all to the member too", async () => {
    const reply = await send({ intent: "change-role", membershipId: member.id, role: "EMPEROR" });
    expect(reply.error).toEqual({ [`role-${member.id}`]: ["Select a role"] });
  });

  it("keys the last owner's removal to that owner's 'Remove'", async () => {
    const reply = await send({ intent: "remove", membershipId: owner.id });
    expect(reply.error).toEqual({
      [`remove-${owner.id}`]: ["The organisation must keep at least one owner"],
    });
  });

  it("keys the last owner's leaving to 'Leave'", async () => {
    const reply = await send({ intent: "leave" });
    expect(Object.keys(reply.error ?? {})).toEqual(["leave"]);
    const html = await render(reply);
    expect(html).toContain('id="leave-error"');
    expect(html).toContain('href="#leave"');
  });

  it("keeps an error about a member no longer on the page as the page's", async () => {
    const reply = await send({ intent: "remove", membershipId: "no-such-membership" });
    expect(reply.error).toEqual({ form: ["That person is not a member"] });
  });
});
