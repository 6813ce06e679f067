// "Delete page" on a guidance page sent twice (a double click, the form sent again after a slow answer) was
// answered 404 "Not found" the second time, although the first had deleted it: the admin saw an error page for a
// deletion that worked. As with the other forms sent twice (decision 024), the repeat gets the same answer and
// nothing more is written; a page this admin never deleted is still not found.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { createGuidancePage, createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

const remove = (id: string, as = cookie) =>
  callAction(editAction, {
    path: `/council/guidance/${id}`,
    params: { id },
    cookie: as,
    form: { intent: "delete" },
  });

const deletions = (id: string) => db.auditLog.count({ where: { action: "guidance.delete", entityId: id } });

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.councilAdmin.id);
});

describe("a guidance page deleted twice by its admin", () => {
  it("answers the repeat as deleted, one after the other, with one audit entry", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const first = await remove(page.id);
    const again = await remove(page.id);
    expect([first.status, again.status]).toEqual([302, 302]);
    expect(again.headers.get("location")).toBe("/council/guidance");
    expect(await db.guidancePage.count({ where: { id: page.id } })).toBe(0);
    expect(await deletions(page.id)).toBe(1);
  });

  it("answers both as deleted when they arrive at once", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    const both = await Promise.all([remove(page.id), remove(page.id)]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await deletions(page.id)).toBe(1);
  });

  it("still answers 404 to another admin, and for a page nobody deleted", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id });
    expect((await remove(page.id)).status).toBe(302);
    const colleague = await createMember(world.councilA.id, "ADMIN");
    expect((await remove(page.id, await sessionCookieFor(colleague.id))).status).toBe(404);
    expect((await remove("no-such-page")).status).toBe(404);
    // council B's page: not this admin's to delete, nor deleted by them
    const other = await createGuidancePage({ councilId: world.councilB.id });
    expect((await remove(other.id)).status).toBe(404);
    expect(await db.guidancePage.count({ where: { id: other.id } })).toBe(1);
  });
});
