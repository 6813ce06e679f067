// "Save page" on an existing guidance page sent twice (a double click, the form sent again after a slow answer)
// saved it twice: two "guidance.update" audit entries for one edit, and the page's "Last updated" moved again.
// Saving a page without changing anything recorded an update too. A save that finds the page as it would leave
// it now changes and records nothing, and both sends get the success answer (decision 024).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { createGuidancePage, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: World;
let cookie: string;

const form = (slug: string, title: string) => ({
  intent: "save",
  title,
  slug,
  audience: "EVERYONE",
  bodyMarkdown: "Post a need, suppliers pledge, you confirm.",
  published: "on",
});

const save = (id: string, values: Record<string, string>) =>
  callAction(editAction, { path: `/council/guidance/${id}`, params: { id }, cookie, form: values });

const updates = (id: string) => db.auditLog.count({ where: { action: "guidance.update", entityId: id } });

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("an edit of a guidance page sent twice", () => {
  it("is one update with one audit entry, whether the sends arrive at once or one after the other", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, slug: "at-once" });
    const both = await Promise.all([
      save(page.id, form("at-once", "How it works now")),
      save(page.id, form("at-once", "How it works now")),
    ]);
    expect(both.map((r) => r.status)).toEqual([302, 302]);
    expect(await updates(page.id)).toBe(1);

    const { updatedAt } = await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } });
    expect((await save(page.id, form("at-once", "How it works now"))).status).toBe(302);
    expect(await updates(page.id)).toBe(1);
    const after = await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } });
    expect(after.updatedAt).toEqual(updatedAt);
  });

  it("still records a real change after it", async () => {
    const page = await createGuidancePage({ councilId: world.councilA.id, slug: "then-changed" });
    expect((await save(page.id, form("then-changed", "First title"))).status).toBe(302);
    expect((await save(page.id, form("then-changed", "Second title"))).status).toBe(302);
    expect(await updates(page.id)).toBe(2);
    expect((await db.guidancePage.findUniqueOrThrow({ where: { id: page.id } })).title).toBe("Second title");
  });
});
