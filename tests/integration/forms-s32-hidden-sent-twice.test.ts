// A field the page fills in itself (a hidden input: the button pressed, the version of the record the form was
// shown with, the council a row of a table is for) sent twice with different values, as a broken or hostile client
// sends it. Each form said "sent more than once with different answers: check it" in the error summary, as a link
// to the field: but the field is not on the page, so the link led nowhere (WCAG 2.4.4) and there was nothing to
// check. The form is now refused as a whole, saying to reload the page, as text in the summary; nothing is saved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { HIDDEN_SENT_TWICE, SENT_TWICE } from "~/server/parse-form.server.ts";
import { createCategory, createPartnership, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { postPage, readableMainText, renderPage } from "../helpers/render-page.ts";
import { changesAskedFor, sent, twice, type Pairs } from "../helpers/sent-twice.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let w: World;
beforeAll(async () => {
  await renderPage("/");
  w = await createWorld();
});

type Case = {
  form: string;
  field: string;
  setUp: () => Promise<{
    path: string;
    cookie: string;
    pairs: Pairs;
    done: () => Promise<boolean>;
  }>;
};

const CASES: Case[] = [
  {
    form: "a request's moderation, its button (intent)",
    field: "intent",
    setUp: async () => {
      const { need, path, cookie, fields } = await changesAskedFor(w);
      return {
        path,
        cookie,
        pairs: twice(fields, "intent", "approve", "requestChanges"),
        done: async () =>
          (await db.request.findUniqueOrThrow({ where: { id: need.id } })).status !== "SUBMITTED",
      };
    },
  },
  {
    form: "a category's rename, the version it was shown with",
    field: "version",
    setUp: async () => {
      const category = await createCategory(w.councilA.id);
      return {
        path: "/council/categories",
        cookie: await sessionCookieFor(w.users.councilAdmin.id),
        pairs: [
          ["intent", "update"],
          ["id", category.id],
          ["name", `${category.name} renamed`],
          ["version", category.updatedAt.toISOString()],
          ["version", new Date(0).toISOString()],
        ],
        done: async () =>
          (await db.category.findUniqueOrThrow({ where: { id: category.id } })).name !== category.name,
      };
    },
  },
  {
    form: "a council's partnership on the admin page, the council of the row",
    field: "councilId",
    setUp: async () => {
      const partnership = await createPartnership();
      return {
        path: "/admin/councils",
        cookie: await sessionCookieFor(w.users.platformAdmin.id),
        pairs: [
          ["intent", "set-partnership"],
          ["councilId", w.councilA.id],
          ["councilId", w.councilB.id],
          ["partnershipId", partnership.id],
        ],
        done: async () =>
          (await db.organisation.count({
            where: { id: { in: [w.councilA.id, w.councilB.id] }, partnershipId: partnership.id },
          })) > 0,
      };
    },
  },
];

describe.each(CASES)("$form sent twice with different values", ({ field, setUp }) => {
  it("is refused as a whole, saying to reload the page, with no link to a field not on the page", async () => {
    const { path, cookie, pairs, done } = await setUp();
    const response = await postPage(path, sent(pairs), cookie);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(readableMainText(html)).toContain(HIDDEN_SENT_TWICE);
    expect(html).not.toContain(SENT_TWICE);
    expect(html).not.toContain(`href="#${field}"`);
    expect(await done()).toBe(false);
  });
});
