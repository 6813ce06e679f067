// The VCSE dashboard read its pledge queues, its requests by status, its most recently changed requests, those the
// council sent back and those closing soon in five queries on every view; it now reads them in one (decision 047).
// Each part must still say what it said when read on its own: the queues as requestorPledgeQueues reads them (which
// the council's dashboard and "Your requests" still use), and each list in its own order, cut at ten, whatever else
// the group has.
import { beforeAll, describe, expect, it } from "vitest";
import { londonDay } from "~/domain/calendar.ts";
import { db } from "~/db.server.ts";
import { formatDate } from "~/domain/format.ts";
import { stillNeeded } from "~/domain/marketplace/request-card.server.ts";
import { requestorPledgeQueues, vcseDashboard } from "~/domain/reporting/dashboard-people.server.ts";
import {
  createCategory,
  createCouncil,
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  unique,
} from "../helpers/factories.ts";
import { pageHtmlAs } from "../helpers/render-page.ts";

// days from tomorrow (in London): day(0) to day(12) close within the dashboard's fourteen days, as the page is drawn
const asOf = new Date();
const day = (days: number) => new Date(londonDay(asOf).getTime() + (days + 1) * 86_400_000);

let groupId: string;
let ownerId: string;

beforeAll(async () => {
  const council = await createCouncil();
  const group = await createOrganisation({
    kind: "VCSE",
    councilId: council.id,
    name: unique("One Query Group"),
  });
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const categoryId = (await createCategory(council.id)).id;
  groupId = group.id;
  ownerId = (await createMember(group.id, "OWNER")).id;
  const request = (
    status: "OPEN" | "DRAFT" | "CHANGES_REQUESTED" | "FULLY_PLEDGED",
    neededBy: Date,
    title: string,
  ) =>
    createRequest({ councilId: council.id, organisationId: group.id, categoryId, status, neededBy, title });
  // 12 open requests closing within the fortnight, 12 sent back, 3 drafts due later; updated in that order
  for (let i = 0; i < 12; i++) await request("OPEN", day(i), `Closing ${String(i).padStart(2, "0")}`);
  for (let i = 0; i < 12; i++) await request("CHANGES_REQUESTED", day(60), `Sent back ${i}`);
  for (let i = 0; i < 3; i++) await request("DRAFT", day(90), `Draft ${i}`);
  // pledges in both queues: 11 offers and 12 deliveries (3 of them disputed), on requests of their own
  for (let i = 0; i < 11; i++) {
    const r = await request("FULLY_PLEDGED", day(200), `Offered to ${i}`);
    await createPledge({ requestId: r.id, supplierOrganisationId: supplier.id, status: "OFFERED" });
  }
  for (let i = 0; i < 12; i++) {
    const r = await request("FULLY_PLEDGED", day(200), `Delivered to ${i}`);
    await createPledge({
      requestId: r.id,
      supplierOrganisationId: supplier.id,
      status: i < 3 ? "DISPUTED" : "DELIVERED",
    });
  }
});

describe("the VCSE dashboard read in one query", () => {
  it("gives each list and count as reading it on its own does", async () => {
    const dashboard = await vcseDashboard(groupId, asOf);
    const queues = await requestorPledgeQueues(groupId);
    expect(dashboard.pledgesAwaitingResponse).toEqual(queues.pledgesAwaitingResponse);
    expect(dashboard.deliveriesToConfirm).toEqual(queues.deliveriesToConfirm);
    expect(dashboard.pledgesAwaitingResponseCount).toBe(11);
    expect(dashboard.deliveriesToConfirmCount).toBe(12);
    expect(dashboard.pledgesAwaitingResponse).toHaveLength(10);
    expect(dashboard.deliveriesToConfirm).toHaveLength(10);

    const mine = await db.request.findMany({
      where: { organisationId: groupId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      select: {
        id: true,
        title: true,
        status: true,
        helpType: true,
        quantity: true,
        pledgedQuantity: true,
        unitLabel: true,
      },
    });
    expect(dashboard.requestsByStatus).toEqual({
      OPEN: 12,
      CHANGES_REQUESTED: 12,
      DRAFT: 3,
      FULLY_PLEDGED: 23,
    });
    expect(dashboard.requests.map((r) => r.id)).toEqual(mine.slice(0, 10).map((r) => r.id));
    // its amount in the words of the request's own page, not the figures to word in the browser
    const { helpType, quantity, pledgedQuantity, unitLabel, ...first } = mine[0];
    expect(dashboard.requests[0]).toEqual({
      ...first,
      need: stillNeeded({ helpType, quantity, pledgedQuantity, unitLabel, status: first.status }),
      neededBy: day(200).toISOString(),
    });

    expect(dashboard.changesRequestedCount).toBe(12);
    const sentBack = mine.filter((r) => r.status === "CHANGES_REQUESTED").reverse();
    expect(dashboard.changesRequested).toEqual(
      sentBack.slice(0, 10).map((r) => ({ id: r.id, title: r.title })),
    );

    expect(dashboard.closingSoonCount).toBe(12);
    expect(dashboard.closingSoon.map((r) => r.title)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Closing ${String(i).padStart(2, "0")}`),
    );
    expect(dashboard.closingSoon[0]).toEqual({
      id: expect.any(String),
      title: "Closing 00",
      status: "OPEN",
      neededBy: day(0).toISOString(),
      passed: false,
      canExtend: true,
    });
  });

  it("draws its lists' links as plain links to the same addresses", async () => {
    const html = await pageHtmlAs("/dashboard", ownerId);
    // the count of closing requests links to its list on this page, as a Remix link wrote it
    expect(html).toMatch(/<a href="\/dashboard#closing"><span[^>]*>12<\/span>/);
    expect(html).toContain(`Needed by ${formatDate(day(0))}. You can extend it once.</span>`);
    expect(html).toContain(`<span class="sr-only"> – confirm receipt</span>`);
  });
});
