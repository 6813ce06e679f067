// A request waiting for approval whose needed-by date passed in the queue could not be approved, and its
// requestor could neither edit it nor change the date: only withdraw it, or wait for the council to ask for
// changes. The requestor can now choose a later date from the manage page; the request stays waiting for approval,
// the date is checked as on any form, and publishing it later still leaves the one extension.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import { loader as myRequestsLoader } from "~/routes/my-requests.tsx";
import { action as manageAction, loader as manageLoader } from "~/routes/requests.$id.manage.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;
let officer: string;
const DAY = 86400000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
  officer = await sessionCookieFor(world.users.officerA.id);
});

const waitingPastItsDate = () =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "SUBMITTED",
    neededBy: new Date(`${inDays(-5)}T00:00:00Z`),
  });

const changeDate = (id: string, neededBy: string) =>
  callAction(manageAction, {
    path: `/requests/${id}/manage`,
    params: { id },
    cookie: requestor,
    form: { intent: "extend", neededBy },
  });
const approve = (id: string) =>
  callAction(moderateAction, { path: "/", params: { id }, cookie: officer, form: { intent: "approve" } });
const read = (id: string) => db.request.findUniqueOrThrow({ where: { id } });

describe("a request waiting for approval whose needed-by date has passed", () => {
  it("is not approved, and its requestor is told and can choose a later date", async () => {
    const need = await waitingPastItsDate();
    expect((await approve(need.id)).status).toBe(400);
    const page = await jsonOf<{ need: { neededByPassed: boolean; status: string } }>(
      await callLoader(manageLoader, { path: "/", params: { id: need.id }, cookie: requestor }),
    );
    expect(page.need).toMatchObject({ neededByPassed: true, status: "SUBMITTED" });
    // the list of the organisation's requests says so too, and links to where the date is changed
    const passedInList = async () =>
      (
        await jsonOf<{ requests: { id: string; neededByPassed: boolean }[] }>(
          await callLoader(myRequestsLoader, { path: "/my-requests", cookie: requestor }),
        )
      ).requests.find((r) => r.id === need.id)?.neededByPassed;
    expect(await passedInList()).toBe(true);

    const newDate = inDays(30);
    expect((await changeDate(need.id, newDate)).status).toBe(302);
    // sent twice: the first one's answer, no second history entry
    expect((await changeDate(need.id, newDate)).status).toBe(302);
    const changed = await read(need.id);
    expect(changed).toMatchObject({ status: "SUBMITTED", extendedAt: null, publishedAt: null });
    expect(changed.neededBy.toISOString().slice(0, 10)).toBe(newDate);
    expect(
      await db.requestEvent.count({
        where: { requestId: need.id, fromStatus: "SUBMITTED", toStatus: "SUBMITTED" },
      }),
    ).toBe(1);

    expect(await passedInList()).toBe(false);

    expect((await approve(need.id)).status).toBe(302);
    expect((await read(need.id)).status).toBe("OPEN");
    // published, it can still be extended once
    expect((await changeDate(need.id, inDays(40))).status).toBe(302);
    expect((await read(need.id)).extendedAt).not.toBeNull();
  });

  it("refuses a date in the past or not later than the current one, and changes nothing", async () => {
    const need = await waitingPastItsDate();
    for (const date of [inDays(-1), inDays(-5)]) {
      const refused = await changeDate(need.id, date);
      expect(refused.status).toBe(400);
    }
    expect((await read(need.id)).neededBy.toISOString().slice(0, 10)).toBe(inDays(-5));
  });

  it("is not changed by someone outside the requesting organisation", async () => {
    const need = await waitingPastItsDate();
    const other = await sessionCookieFor(world.users.otherVcseOwner.id);
    const refused = await callAction(manageAction, {
      path: `/requests/${need.id}/manage`,
      params: { id: need.id },
      cookie: other,
      form: { intent: "extend", neededBy: inDays(30) },
    }).catch((thrown: unknown) => thrown as Response);
    expect(refused.status).toBe(404);
    expect((await read(need.id)).neededBy.toISOString().slice(0, 10)).toBe(inDays(-5));
  });
});
