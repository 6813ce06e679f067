// A field the page fills in itself (a hidden input: the button pressed, the version of the record the form was
// shown with, the council a row of a table is for) sent twice with different values, as a broken or hostile client
// sends it. Each form said "sent more than once with different answers: check it" in the error summary, as a link
// to the field: but the field is not on the page, so the link led nowhere (WCAG 2.4.4) and there was nothing to
// check. The form is now refused as a whole, saying to reload the page, as text in the summary; nothing is saved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { HIDDEN_SENT_TWICE, SENT_TWICE } from "~/server/parse-form.server.ts";
import {
  createCategory,
  createCommitment,
  createContract,
  createMeasure,
  createPartnership,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
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
  {
    form: "the council's settings, the council they were shown for",
    field: "councilId",
    setUp: async () => ({
      path: "/council/settings",
      cookie: await sessionCookieFor(w.users.councilAdmin.id),
      pairs: [
        ["councilId", w.councilA.id],
        ["councilId", w.councilB.id],
        ["councilName", "Renamed twice S32"],
        ["returnDueDays", "30"],
        ["reminderDaysBefore", "7"],
        ["overdueReminderDays", "7"],
        ["brandColour", "#1d3d7a"],
        ["proxyValueSource", ""],
      ],
      done: async () => (await db.organisation.count({ where: { name: "Renamed twice S32" } })) > 0,
    }),
  },
  {
    form: "a commitment's change, its measure (shown as text)",
    field: "measureId",
    setUp: async () => {
      const contract = await createContract({
        councilId: w.councilA.id,
        supplierOrganisationId: w.supplier.id,
      });
      const [hours, other] = await Promise.all([
        createMeasure({ councilId: w.councilA.id, unit: "HOURS" }),
        createMeasure({ councilId: w.councilA.id, unit: "HOURS" }),
      ]);
      const commitment = await createCommitment({ contractId: contract.id, measureId: hours.id });
      return {
        path: `/contracts/${contract.id}/commitments/${commitment.id}`,
        cookie: await sessionCookieFor(w.users.officerA.id),
        pairs: [
          ["intent", "save"],
          ["measureId", hours.id],
          ["measureId", other.id],
          ["targetQuantity", "100"],
          ["narrative", "Changed twice S32"],
          ["version", commitment.updatedAt.toISOString()],
        ],
        done: async () =>
          (await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).narrative ===
          "Changed twice S32",
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
