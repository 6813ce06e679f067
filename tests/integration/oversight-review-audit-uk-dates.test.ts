// The audit log's date filters say "For example, 27/03/2027" under each box, but refused that very form ("Enter a
// real date, like 2026-11-01"): a browser without a date picker shows a plain text box, and an admin who typed the
// day as the hint shows got an error instead of the entries of that day. The day is read in either form, as the
// other date fields of the portal read it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

let admin: string;
beforeAll(async () => {
  const world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  for (const [entityId, at] of [
    ["before", "2026-10-31T12:00:00Z"],
    ["on-the-day", "2026-11-01T12:00:00Z"],
    ["after", "2026-11-02T12:00:00Z"],
  ] as const)
    await db.auditLog.create({
      data: {
        actorUserId: world.users.officerA.id,
        organisationId: world.councilA.id,
        councilId: world.councilA.id,
        actorOrganisationId: world.councilA.id,
        action: "contract.update",
        entityType: "Contract",
        entityId,
        createdAt: new Date(at),
      },
    });
});

async function filtered(search: string) {
  const response = await callLoader(auditLoader, { path: `/council/audit?${search}`, cookie: admin });
  expect(response.status).toBe(200);
  const body = (await response.json()) as {
    errors: Record<string, string[]>;
    entries: { entityId: string }[];
  };
  return { errors: body.errors, entries: body.entries.map((e) => e.entityId) };
}

describe("the audit log's date filters", () => {
  it("read a day typed as the hint shows it, 01/11/2026", async () => {
    expect(await filtered("entityType=Contract&from=01/11/2026&to=1/11/2026")).toEqual({
      errors: {},
      entries: ["on-the-day"],
    });
    expect(await filtered("entityType=Contract&from=2026-11-01&to=2026-11-01")).toEqual({
      errors: {},
      entries: ["on-the-day"],
    });
  });

  // and the refusal gave its example as 2026-11-01, not in the form the hint shows: it now gives the hint's example
  it("still refuse a day that does not exist, in either form", async () => {
    for (const from of ["31/02/2026", "2026-02-31"])
      expect((await filtered(`entityType=Contract&from=${encodeURIComponent(from)}`)).errors).toEqual({
        from: ["Enter the start date as a real date, for example 27/03/2027"],
      });
  });
});
