// "Save page" on a new guidance page sent twice (a double click, the form sent again after a slow answer) was
// answered "Another page already uses this web address name" although the first had saved it: the admin was
// told it failed, and might save it again under another name. As with the other forms that make something
// (decision 024), the repeat gets the same answer and nothing more is written.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.guidance.$id.tsx";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let cookie: string;

const form = (slug: string, bodyMarkdown = "## Be specific\n\nSay what you will do.") => ({
  intent: "save",
  title: "What good looks like",
  slug,
  audience: "SUPPLIER",
  bodyMarkdown,
  published: "on",
});

const save = (values: Record<string, string>) =>
  callAction(editAction, { path: "/council/guidance/new", params: { id: "new" }, cookie, form: values });

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("councilAdmin"));
});

describe("a new guidance page saved twice by its admin", () => {
  it("answers the repeat as saved, one after the other or at once, with one page and one audit entry", async () => {
    const first = await save(form("twice-in-turn"));
    const again = await save(form("twice-in-turn"));
    expect([first.status, again.status]).toEqual([302, 302]);
    expect(again.headers.get("location")).toBe("/council/guidance");

    const together = await Promise.all([save(form("twice-at-once")), save(form("twice-at-once"))]);
    expect(together.map((r) => r.status)).toEqual([302, 302]);

    for (const slug of ["twice-in-turn", "twice-at-once"]) {
      const pages = await db.guidancePage.findMany({ where: { slug } });
      expect(pages).toHaveLength(1);
      expect(await db.auditLog.count({ where: { action: "guidance.create", entityId: pages[0].id } })).toBe(
        1,
      );
    }
  });

  it("still refuses the web address name for a different page", async () => {
    await save(form("taken-name"));
    const other = await save(form("taken-name", "Something else entirely."));
    expect(other.status).toBe(400);
    expect((await other.json()).error.slug).toEqual(["Another page already uses this web address name"]);
  });
});
