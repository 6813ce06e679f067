// "Add measure" and "Save measure" sent twice (a double click, a form sent again after a slow answer, one after the
// other or both at once) make one measure and one history entry, and both sends get the success answer (decision
// 024). Before, the second add was refused ("Another measure already uses this code"), so the admin believed the
// first had failed, and a save sent twice wrote the measure and its history entry twice. A real clash of codes
// (other details, another admin, a measure that was there before) is still refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/council.measures.$id.tsx";
import { action as newAction } from "~/routes/council.measures.new/route.tsx";
import { createMeasure, createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let otherAdmin: string;

beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  otherAdmin = await sessionCookieFor((await createMember(world.councilA.id, "ADMIN")).id);
});

const form = (overrides: Record<string, string | string[]> = {}) => ({
  code: "JOB-20",
  name: "Local people employed",
  theme: "JOBS",
  unit: "PEOPLE",
  contributingHelpTypes: ["WORK_PLACEMENT"],
  proxyValueGbp: "1,250.5",
  helpText: "Count each person once",
  ...overrides,
});

const add = (cookie: string, values: Record<string, string | string[]>) =>
  callAction(newAction, { path: "/council/measures/new", cookie, form: values });

const history = (id: string) =>
  db.auditLog.findMany({ where: { entityId: id }, select: { action: true }, orderBy: { createdAt: "asc" } });

type Reply = { error?: Record<string, string[]> };

describe("Add measure sent twice", () => {
  it("one after the other, or both at once: one measure, one history entry, both answered as added", async () => {
    for (const [code, together] of [
      ["TWICE-1", false],
      ["TWICE-2", true],
    ] as const) {
      const responses = together
        ? await Promise.all([add(admin, form({ code })), add(admin, form({ code }))])
        : [await add(admin, form({ code })), await add(admin, form({ code }))];
      expect(responses.map((r) => r.status)).toEqual([302, 302]);
      const measures = await db.measure.findMany({ where: { councilId: world.councilA.id, code } });
      expect(measures).toHaveLength(1);
      expect(await history(measures[0]!.id)).toEqual([{ action: "measure.create" }]);
    }
  });

  it("is still refused with other details, from another admin, or for a measure that was there before", async () => {
    expect((await add(admin, form({ code: "TWICE-3" }))).status).toBe(302);
    const taken = ["Another measure already uses this code"];
    for (const response of [
      await add(admin, form({ code: "TWICE-3", name: "Apprentices" })),
      await add(admin, form({ code: "TWICE-3", contributingHelpTypes: [] })),
      await add(otherAdmin, form({ code: "TWICE-3" })),
    ]) {
      expect(response.status).toBe(400);
      expect((await jsonOf<Reply>(response)).error?.code).toEqual(taken);
    }
    const stored = await createMeasure({ councilId: world.councilA.id, code: "TWICE-4", name: "Hours" });
    const clash = await add(
      admin,
      form({
        code: stored.code,
        name: stored.name,
        unit: stored.unit,
        theme: stored.theme,
        proxyValueGbp: "",
      }),
    );
    expect(clash.status).toBe(400);
    expect(
      await db.measure.count({
        where: { councilId: world.councilA.id, code: { in: ["TWICE-3", "TWICE-4"] } },
      }),
    ).toBe(2);
  });
});

describe("Save measure sent twice", () => {
  it("changes the measure once, with one history entry", async () => {
    expect((await add(admin, form({ code: "TWICE-5" }))).status).toBe(302);
    const { id, updatedAt } = await db.measure.findFirstOrThrow({
      where: { councilId: world.councilA.id, code: "TWICE-5" },
    });
    // both sends name the version the page was read from, as the form does
    const version = updatedAt.toISOString();
    const save = () =>
      callAction(editAction, {
        path: `/council/measures/${id}`,
        params: { id },
        cookie: admin,
        form: form({ code: "TWICE-5", name: "Local people employed (FTE)", version }),
      });
    expect((await save()).status).toBe(302);
    const first = await db.measure.findUniqueOrThrow({ where: { id } });
    expect((await save()).status).toBe(302);
    expect((await db.measure.findUniqueOrThrow({ where: { id } })).updatedAt).toEqual(first.updatedAt);
    expect(first.name).toBe("Local people employed (FTE)");
    expect(await history(id)).toEqual([{ action: "measure.create" }, { action: "measure.update" }]);
  });
});
