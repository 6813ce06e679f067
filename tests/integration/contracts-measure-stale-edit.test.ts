// Two council admins changing one measure: the second save no longer overwrites the first unseen. The form carries
// the version it was read from; a save made to an older version is refused with what is saved now beside the
// answers sent (kept in the form), as the contract and commitment forms do. Before, the later save silently put
// back the name, unit or proxy value the other admin had just changed.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { StaleEdit } from "~/domain/contracts/history.ts";
import { action as editAction, loader as editLoader } from "~/routes/council.measures.$id.tsx";
import { createMeasure, createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
let otherAdmin: string;

beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  otherAdmin = await sessionCookieFor((await createMember(world.councilA.id, "ADMIN")).id);
});

type Reply = {
  status?: string;
  error?: Record<string, string[]>;
  initialValue?: Record<string, unknown>;
  stale?: StaleEdit;
};

const form = (code: string, overrides: Record<string, string | string[]> = {}) => ({
  code,
  name: "Volunteering hours",
  theme: "SOCIAL",
  unit: "HOURS",
  contributingHelpTypes: ["VOLUNTEERING"],
  proxyValueGbp: "",
  helpText: "",
  frameworkMapping: "",
  ...overrides,
});

async function opened(cookie: string, id: string) {
  const page = await jsonOf<{ measure: { version: string } }>(
    await callLoader(editLoader, { path: `/council/measures/${id}`, params: { id }, cookie }),
  );
  return page.measure.version;
}

const save = (cookie: string, id: string, values: Record<string, string | string[]>) =>
  callAction(editAction, { path: `/council/measures/${id}`, params: { id }, cookie, form: values });

describe("a measure changed by another admin while the form was open", () => {
  it("the later save is refused with the colleague's change shown and the answers kept; saved again, it lands", async () => {
    const measure = await createMeasure({
      councilId: world.councilA.id,
      code: "SOC-90",
      name: "Volunteering hours",
      theme: "SOCIAL",
      unit: "HOURS",
      contributingHelpTypes: ["VOLUNTEERING"],
    });
    const mine = await opened(admin, measure.id);
    const theirs = await opened(otherAdmin, measure.id);

    const first = await save(
      otherAdmin,
      measure.id,
      form("SOC-90", { proxyValueGbp: "17.50", version: theirs }),
    );
    expect(first.status).toBe(302);

    const second = await save(
      admin,
      measure.id,
      form("SOC-90", { name: "Staff volunteering hours", version: mine }),
    );
    expect(second.status).toBe(409);
    const reply = await jsonOf<Reply>(second);
    expect(reply.error![""]![0]).toMatch(/Someone else changed this measure while you were editing/);
    expect(reply.initialValue!.name).toBe("Staff volunteering hours");
    expect(reply.stale!.differences).toEqual([
      { field: "name", label: "Name", saved: "Volunteering hours", yours: "Staff volunteering hours" },
      { field: "proxyValueGbp", label: "Proxy value in £ per unit", saved: "17.50", yours: null },
    ]);
    const kept = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect(kept.name).toBe("Volunteering hours");
    expect(kept.proxyValueGbp!.toFixed(2)).toBe("17.50");

    // having seen the colleague's change, the admin keeps it and saves again against the version shown
    const again = await save(
      admin,
      measure.id,
      form("SOC-90", {
        name: "Staff volunteering hours",
        proxyValueGbp: "17.50",
        version: reply.stale!.version,
      }),
    );
    expect(again.status).toBe(302);
    const saved = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
    expect(saved.name).toBe("Staff volunteering hours");
    expect(saved.proxyValueGbp!.toFixed(2)).toBe("17.50");
  });

  it("a measure retired since the form was read is not changed unseen", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, code: "SOC-91", unit: "HOURS" });
    const mine = await opened(admin, measure.id);
    expect((await save(otherAdmin, measure.id, { intent: "retire" })).status).toBe(302);
    const response = await save(admin, measure.id, form("SOC-91", { name: "Renamed", version: mine }));
    expect(response.status).toBe(409);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).name).not.toBe("Renamed");
  });

  it("a save that names no version is refused with the answers kept", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, code: "SOC-92", unit: "HOURS" });
    const response = await save(admin, measure.id, form("SOC-92", { name: "Renamed" }));
    expect(response.status).toBe(400);
    const reply = await jsonOf<Reply>(response);
    expect(reply.error![""]![0]).toMatch(/did not say which version of the measure/);
    expect(reply.initialValue!.name).toBe("Renamed");
    expect((await db.measure.findUniqueOrThrow({ where: { id: measure.id } })).name).not.toBe("Renamed");
  });
});
