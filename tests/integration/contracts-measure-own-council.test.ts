// An admin of two councils opens one council's measure (from a link, an email or another window) while the
// header switcher is on the other council: the measure is found in its own council's library and saved there.
// Before, it was looked up in the switched-to council's library only and answered 404. Admins of the other council
// alone still get 404, whatever they send.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import { db } from "~/db.server.ts";
import { action as editAction, loader as editLoader } from "~/routes/council.measures.$id.tsx";
import {
  addMember,
  createMeasure,
  createMember,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let twoCouncils: string;
let councilBAdmin: string;
let measureId: string;

beforeAll(async () => {
  world = await createWorld();
  await addMember(world.councilB.id, world.users.councilAdmin.id, "ADMIN");
  twoCouncils = `${await sessionCookieFor(world.users.councilAdmin.id)}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
  councilBAdmin = await sessionCookieFor((await createMember(world.councilB.id, "ADMIN")).id);
  const measure = await createMeasure({
    councilId: world.councilA.id,
    code: "OWN-01",
    name: "Volunteering",
    theme: "SOCIAL",
    unit: "HOURS",
    contributingHelpTypes: ["VOLUNTEERING"],
  });
  measureId = measure.id;
});

const open = (cookie: string) =>
  callLoader(editLoader, { path: `/council/measures/${measureId}`, params: { id: measureId }, cookie });

const send = (cookie: string, form: Record<string, string | string[]>) =>
  callAction(editAction, { path: `/council/measures/${measureId}`, params: { id: measureId }, cookie, form });

describe("a measure opened by an admin of two councils working for the other one", () => {
  it("opens from its own council's library, named on the page", async () => {
    const response = await open(twoCouncils);
    expect(response.status).toBe(200);
    const page = await jsonOf<{ measure: { code: string; version: string }; councilName: string }>(response);
    expect(page.measure.code).toBe("OWN-01");
    expect(page.councilName).toBe(world.councilA.name);
  });

  it("is saved and retired in its own council's library", async () => {
    const { measure } = await jsonOf<{ measure: { version: string } }>(await open(twoCouncils));
    const saved = await send(twoCouncils, {
      intent: "save",
      version: measure.version,
      code: "OWN-01",
      name: "Volunteering hours",
      theme: "SOCIAL",
      unit: "HOURS",
      contributingHelpTypes: ["VOLUNTEERING"],
      proxyValueGbp: "",
      helpText: "",
      frameworkMapping: "",
    });
    expect(saved.status).toBe(302);
    const retired = await send(twoCouncils, { intent: "retire" });
    expect(retired.status).toBe(302);
    const stored = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
    expect(stored).toMatchObject({ councilId: world.councilA.id, name: "Volunteering hours" });
    expect(stored.retiredAt).not.toBeNull();
    await db.measure.update({ where: { id: measureId }, data: { retiredAt: null } });
  });

  it("is still 404 to an admin of the other council only, opened or sent", async () => {
    expect((await open(councilBAdmin)).status).toBe(404);
    expect((await send(councilBAdmin, { intent: "retire" })).status).toBe(404);
    const stored = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
    expect(stored.retiredAt).toBeNull();
  });
});
