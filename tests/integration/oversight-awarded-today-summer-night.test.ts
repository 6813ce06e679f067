// "Contracts awarded in the last 12 months" and the contracts list it links to count a contract awarded today
// from the first moment of today in London: between 00:00 and 01:00 on a summer night (23:00-00:00 UTC), today's
// awards were left out of both, as the day's date was compared with the moment in UTC.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { awardedWithCommitments } from "~/domain/reporting/dashboard-council.server.ts";
import { loader as contractsLoader } from "~/routes/contracts._index.tsx";
import { links } from "~/ui/charts/record-links.ts";
import {
  createContract,
  createCouncil,
  createMember,
  createOrganisation,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let council: Awaited<ReturnType<typeof createCouncil>>;
let cookie: string;

beforeAll(async () => {
  council = await createCouncil();
  cookie = await sessionCookieFor((await createMember(council.id, "OFFICER")).id);
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  await createContract({
    councilId: council.id,
    supplierOrganisationId: supplier.id,
    awardedOn: new Date("2026-07-01"),
    startDate: new Date("2026-07-01"),
    endDate: new Date("2028-06-30"),
  });
});

afterEach(() => vi.useRealTimers());

describe("a contract awarded today, at 00:30 on a summer night in London", () => {
  it("counts on the dashboard and shows in the list it links to", async () => {
    const now = new Date("2026-06-30T23:30:00Z"); // 00:30 on 1 July in London
    const awarded = await awardedWithCommitments(council.id, now);
    expect(awarded.total).toBe(1);
    vi.useFakeTimers({ toFake: ["Date"], now });
    const since = awarded.since.toISOString().slice(0, 10);
    const list = await jsonOf<{ total: number }>(
      await callLoader(contractsLoader, { path: links.awardedContracts(since), cookie }),
    );
    expect(list.total).toBe(1);
  });
});
