// Who answered the survey, as the audit log tells it: only to a council admin who runs the survey.
import { beforeAll, describe, expect, it } from "vitest";
import * as auditLog from "~/routes/council.audit.tsx";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as checkAnswers from "~/routes/survey.$cycleId.check-answers.tsx";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

type Log = { entries: { action: string }[]; options: { actions: string[] } };

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026 })).id;
  const business = await sessionCookieFor(world.users.supplierOwner.id);
  await callAction(explainer.action, {
    path: "/x",
    params: { cycleId },
    cookie: business,
    form: { consent: "yes" },
  });
  const sent = await callAction(checkAnswers.action, {
    path: "/x",
    params: { cycleId },
    cookie: business,
    form: {},
  });
  expect(sent.status).toBe(302);
});

async function logAs(userId: string) {
  const page = await callLoader(auditLog.loader, {
    path: "/council/audit",
    cookie: await sessionCookieFor(userId),
  });
  return (await page.json()) as Log;
}

describe("survey entries in the council's audit log", () => {
  it("are not shown to a council admin without the survey role, nor offered as a filter", async () => {
    const log = await logAs(world.users.councilAdmin.id);
    expect(log.entries.filter((e) => e.action.startsWith("survey."))).toEqual([]);
    expect(log.options.actions.filter((a) => a.startsWith("survey."))).toEqual([]);
  });

  it("are shown to a council admin who runs the survey", async () => {
    const admin = await createMember(world.councilA.id, "ADMIN", { surveyAccess: true });
    const log = await logAs(admin.id);
    expect(log.entries.map((e) => e.action)).toContain("survey.response.submit");
    expect(log.options.actions).toContain("survey.response.submit");
  });
});
