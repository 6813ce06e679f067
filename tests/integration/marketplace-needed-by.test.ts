// A request whose needed-by date has passed is not published: submitting it from the manage page and
// approving it are refused with a clear message (a draft saved weeks ago would otherwise open, closed to pledges).
// "Today" is the London day.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import { loader as pledgeDetailLoader } from "~/routes/pledges.$id.tsx";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { action as pledgeAction } from "~/routes/requests.$id.pledge.tsx";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

afterEach(() => {
  vi.useRealTimers();
});

function requestDue(neededBy: string, status: RequestStatus) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    neededBy: new Date(`${neededBy}T00:00:00Z`),
  });
}

const submit = (id: string) =>
  callAction(manageAction, {
    path: "/",
    params: { id },
    cookie: cookies.vcseOwner,
    form: { intent: "submit" },
  });
const moderate = (id: string, form: Record<string, string>) =>
  callAction(moderateAction, { path: "/", params: { id }, cookie: cookies.officerA, form });
const errorsOf = async (response: Response) =>
  (await jsonOf<{ error?: Record<string, string[]> }>(response)).error ?? {};
const statusOf = async (id: string) => (await db.request.findUniqueOrThrow({ where: { id } })).status;

describe("submitting a request from its manage page", () => {
  it("is refused, next to the needed-by date, once that date has passed", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-03-20T12:00:00Z") });
    for (const status of ["DRAFT", "CHANGES_REQUESTED"] as const) {
      const draft = await requestDue("2026-03-01", status);
      const refused = await submit(draft.id);
      expect(refused.status).toBe(400);
      expect((await errorsOf(refused)).neededBy).toEqual([
        "The needed-by date has passed. Edit the request to choose a later date.",
      ]);
      expect(await statusOf(draft.id)).toBe(status);
      expect(await db.requestEvent.count({ where: { requestId: draft.id, toStatus: "SUBMITTED" } })).toBe(0);
    }
  });

  it("goes by the London day: at 00:30 on a summer night the previous day has passed", async () => {
    const draft = await requestDue("2026-07-10", "DRAFT");
    // 23:30 UTC on 10 July is 00:30 on 11 July in London (BST)
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-10T23:30:00Z") });
    expect((await submit(draft.id)).status).toBe(400);
    expect(await statusOf(draft.id)).toBe("DRAFT");
    // an hour earlier it is still 10 July in London: the needed-by day itself can be submitted
    vi.setSystemTime(new Date("2026-07-10T22:30:00Z"));
    expect((await submit(draft.id)).status).toBe(302);
    expect(await statusOf(draft.id)).toBe("SUBMITTED");
  });
});

describe("an officer approving a request", () => {
  it("is refused once its needed-by date has passed, and told to request changes instead", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-10T23:30:00Z") });
    const waiting = await requestDue("2026-07-10", "SUBMITTED");
    const refused = await moderate(waiting.id, { intent: "approve" });
    expect(refused.status).toBe(400);
    const errors = await errorsOf(refused);
    expect(Object.values(errors).flat()).toEqual([
      "The needed-by date has passed. Request changes so the requestor can choose a later date.",
    ]);
    const after = await db.request.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(after).toMatchObject({ status: "SUBMITTED", publishedAt: null });
    expect(
      await db.emailOutbox.count({
        where: { template: "marketplace.approve", subject: { contains: waiting.title } },
      }),
    ).toBe(0);

    const changes = await moderate(waiting.id, {
      intent: "requestChanges",
      comment: "The needed-by date has passed: please choose a later one.",
    });
    expect(changes.status).toBe(302);
    expect(await statusOf(waiting.id)).toBe("CHANGES_REQUESTED");
  });

  it("publishes a request whose needed-by day is today in London", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-10T22:30:00Z") });
    const waiting = await requestDue("2026-07-10", "SUBMITTED");
    expect((await moderate(waiting.id, { intent: "approve" })).status).toBe(302);
    expect(await statusOf(waiting.id)).toBe("OPEN");
  });
});

describe("the delivery form on a pledge page", () => {
  it("offers the London day as today (its default and latest date) at 00:30 on a summer night", async () => {
    const need = await requestDue("2026-12-31", "PARTIALLY_PLEDGED");
    const pledge = await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      status: "ACCEPTED",
    });
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-10T23:30:00Z") });
    const page = await jsonOf<{ today: string }>(
      await callLoader(pledgeDetailLoader, {
        path: "/",
        params: { id: pledge.id },
        cookie: cookies.supplierOwner,
      }),
    );
    expect(page.today).toBe("2026-07-11");
  });
});

describe("a pledge's expected delivery date", () => {
  const pledge = (id: string, expectedDeliveryDate: string) =>
    callAction(pledgeAction, {
      path: "/",
      params: { id },
      cookie: cookies.supplierOwner,
      form: { submissionKey: `late-${id}-${expectedDeliveryDate}`, quantity: "1", expectedDeliveryDate },
    });

  it("may not come after the date the help is needed by, and nothing is pledged", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-01T12:00:00Z") });
    const need = await requestDue("2026-07-20", "OPEN");
    const refused = await pledge(need.id, "2026-07-21");
    expect(refused.status).toBe(400);
    expect((await errorsOf(refused)).expectedDeliveryDate).toEqual([
      "The expected delivery date must be on or before 20 July 2026, the date the help is needed by",
    ]);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(0);
    expect(await db.request.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({
      status: "OPEN",
      pledgedQuantity: 0,
    });

    expect((await pledge(need.id, "2026-07-20")).status).toBe(302);
    expect(await db.pledge.count({ where: { requestId: need.id } })).toBe(1);
  });

  it("is not compared with the date of a request not published: the pledge is refused as closed, the date not told", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-07-01T12:00:00Z") });
    for (const status of ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"] as const) {
      const unpublished = await requestDue("2026-07-20", status);
      const refused = await pledge(unpublished.id, "2026-07-21");
      expect(refused.status).toBe(400);
      expect(await errorsOf(refused)).toEqual({ "": ["This request is closed to new pledges."] });
      expect(await db.pledge.count({ where: { requestId: unpublished.id } })).toBe(0);
    }
  });
});
