// The dashboard's marketplace activity counts "the last 12 months" from a London day: in summer time that day
// began an hour before midnight UTC, so a request opened at 00:30 in London on it counts, one opened at 23:30 the
// night before does not, and the list behind the figure shows the same requests.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { councilDashboard } from "~/domain/reporting/dashboard-council.server.ts";
import { loader as pledgesLoader } from "~/routes/council.pledges.tsx";
import { loader as activityLoader } from "~/routes/council.requests.tsx";
import {
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

// 15 July 2026: the last 12 months begin on 15 July 2025, at 23:00 UTC on the 14th (British Summer Time)
const AS_OF = new Date("2026-07-15T12:00:00Z");
const JUST_INSIDE = new Date("2025-07-14T23:30:00Z"); // 00:30 on 15 July in London
const JUST_OUTSIDE = new Date("2025-07-14T22:30:00Z"); // 23:30 on 14 July in London

let council: { id: string };
let cookie: string;
const titles: Record<string, string> = {};

beforeAll(async () => {
  council = await createCouncil();
  const vcse = await createOrganisation({ kind: "VCSE", councilId: council.id });
  const category = await createCategory(council.id);
  const officer = await createMember(council.id, "OFFICER");
  cookie = await sessionCookieFor(officer.id);
  const make = async (name: string, publishedAt: Date, closedAt?: Date) => {
    const r = await createRequest({
      councilId: council.id,
      organisationId: vcse.id,
      categoryId: category.id,
      status: closedAt ? "EXPIRED" : "OPEN",
      publishedAt,
      neededBy: new Date("2025-07-10T00:00:00Z"),
    });
    if (closedAt) await db.request.update({ where: { id: r.id }, data: { closedAt } });
    titles[name] = r.title;
  };
  await make("inside", JUST_INSIDE);
  await make("outside", JUST_OUTSIDE);
  await make("expired inside", new Date("2025-06-01T00:00:00Z"), JUST_INSIDE);
  await make("expired outside", new Date("2025-06-01T00:00:00Z"), JUST_OUTSIDE);
});

describe("marketplace activity over the last 12 months, by London's day", () => {
  it("counts what happened after midnight in London on the first day, not before", async () => {
    const d = await councilDashboard(council.id, { top: 75, asOf: AS_OF });
    expect(d.activity.since.slice(0, 10)).toBe("2025-07-15");
    expect(d.activity).toMatchObject({ opened: 1, expired: 1 });
  });

  it("lists the same requests behind each figure", async () => {
    for (const [view, expected] of [
      ["opened", "inside"],
      ["expired", "expired inside"],
    ]) {
      const response = await callLoader(activityLoader, {
        path: `/council/requests?view=${view}&since=2025-07-15`,
        cookie,
      });
      const list = await jsonOf<{ total: number; requests: { title: string }[] }>(response);
      expect(list.total).toBe(1);
      expect(list.requests.map((r) => r.title)).toEqual([titles[expected]]);
    }
  });
});

describe("the same day for pledges and for requests that expired without a closing time", () => {
  it("counts and lists pledges made after midnight in London, and requests needed by that day", async () => {
    const other = await createCouncil();
    const vcse = await createOrganisation({ kind: "VCSE", councilId: other.id });
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: other.id });
    const category = await createCategory(other.id);
    const officerCookie = await sessionCookieFor((await createMember(other.id, "OFFICER")).id);
    const base = { councilId: other.id, organisationId: vcse.id, categoryId: category.id };
    // expired before closing times were recorded: counted by the day it was needed by
    for (const neededBy of ["2025-07-15", "2025-07-14"])
      await createRequest({ ...base, status: "EXPIRED", neededBy: new Date(`${neededBy}T00:00:00Z`) });
    const need = await createRequest({ ...base, publishedAt: new Date("2025-06-01T00:00:00Z") });
    for (const createdAt of [JUST_INSIDE, JUST_OUTSIDE]) {
      const pledge = await createPledge({
        requestId: need.id,
        supplierOrganisationId: supplier.id,
        quantity: 3,
      });
      await db.pledge.update({ where: { id: pledge.id }, data: { createdAt } });
    }

    const d = await councilDashboard(other.id, { top: 75, asOf: AS_OF });
    expect(d.activity.expired).toBe(1);
    expect(d.activity.byHelpType).toEqual([{ helpType: "VOLUNTEERING", pledged: 3, confirmed: 0 }]);
    const expired = await jsonOf<{ total: number }>(
      await callLoader(activityLoader, {
        path: "/council/requests?view=expired&since=2025-07-15",
        cookie: officerCookie,
      }),
    );
    expect(expired.total).toBe(1);
    const pledged = await jsonOf<{ total: number }>(
      await callLoader(pledgesLoader, {
        path: "/council/pledges?view=pledged&helpType=VOLUNTEERING&since=2025-07-15",
        cookie: officerCookie,
      }),
    );
    expect(pledged.total).toBe(1);
  });
});
