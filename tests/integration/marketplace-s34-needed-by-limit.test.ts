// Extending a request (or, before approval, changing its needed-by date) to a date no later than the current one was
// told "The new date must be later than the current one." with no example: it now gives one, a day the form takes.
// A request already needed by the latest day the portal allows (two years from today) could not be given any later
// date, yet its manage page offered the form, whose every date was refused: the page now says why there is none,
// and a form sent anyway is refused with that reason, not a field error no date could correct.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { isoDayAsUk } from "~/domain/calendar.ts";
import { formatDate } from "~/domain/format.ts";
import { futureDayRange } from "~/domain/marketplace/schemas.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;
const DAY = 86400000;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY).toISOString().slice(0, 10);
const aRequest = (status: "OPEN" | "SUBMITTED", neededBy: string) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    neededBy: new Date(`${neededBy}T00:00:00Z`),
  });
const changeDate = (id: string, neededBy: string) =>
  postPage(`/requests/${id}/manage`, formOf({ intent: "extend", neededBy }), requestor);
const stored = async (id: string) => {
  const need = await db.request.findUniqueOrThrow({ where: { id } });
  return { neededBy: need.neededBy.toISOString().slice(0, 10), extendedAt: need.extendedAt };
};
const manageText = async (id: string) => {
  const page = await renderPage(`/requests/${id}/manage`, requestor);
  expect(page.status).toBe(200);
  return page.text();
};

describe("a new needed-by date no later than the current one", () => {
  it("is told so with an example day, which the form then takes", async () => {
    // needed later than 27/03/2027, the usual example, so the example must be worked out from the current date
    const current = futureDayRange({ after: "2027-12-31" })!.min;
    const need = await aRequest("OPEN", current);
    const refused = await changeDate(need.id, current);
    expect(refused.status).toBe(400);
    const text = readableMainText(await refused.text());
    const example = isoDayAsUk(dayAfter(current));
    expect(text).toContain(`The new date must be later than the current one, for example ${example}`);
    // no full stop, as the house's other date messages
    expect(text).not.toContain(`The new date must be later than the current one, for example ${example}.`);
    // the page's hint gives the same day
    expect(text).toContain(`the date it is needed by now, for example ${example}`);
    expect(await stored(need.id)).toEqual({ neededBy: current, extendedAt: null });

    expect((await changeDate(need.id, example)).status).toBe(302);
    expect((await stored(need.id)).neededBy).toBe(dayAfter(current));
  });
});

describe("a request already needed by the latest day the portal allows", () => {
  for (const status of ["OPEN", "SUBMITTED"] as const) {
    it(`is not offered a new date (${status}), and a form sent anyway is told why`, async () => {
      const latest = futureDayRange().max;
      const need = await aRequest(status, latest);
      // said truthfully: not "cannot be extended further", as the limit moves on a day each day
      const reason = `This request is already needed by ${formatDate(latest)}, and the portal only takes dates up to 2 years from today (${formatDate(latest)}). That limit moves on by a day each day, so you can choose a later date from ${formatDate(dayAfter(futureDayRange().min))}.`;

      const page = await manageText(need.id);
      expect(readableMainText(page)).toContain(reason);
      expect(page).not.toContain('name="neededBy"');

      // any date: one within the two years (not later), the latest itself, one beyond it
      for (const day of [futureDayRange().min, latest, dayAfter(latest)]) {
        const refused = await changeDate(need.id, day);
        expect(refused.status).toBe(400);
        const text = readableMainText(await refused.text());
        expect(text).toContain(reason);
        expect(text).not.toContain("must be later than the current one");
        expect(text).not.toContain("must be within 2 years");
      }
      expect(await stored(need.id)).toEqual({ neededBy: latest, extendedAt: null });
    });
  }

  it("is offered the form when needed by the day before it, with the latest day as the example", async () => {
    const latest = futureDayRange().max;
    const need = await aRequest(
      "OPEN",
      new Date(Date.parse(`${latest}T00:00:00Z`) - DAY).toISOString().slice(0, 10),
    );
    const page = await manageText(need.id);
    expect(page).toContain('name="neededBy"');
    expect(readableMainText(page)).not.toContain("you can choose a later date from");
    expect(readableMainText(page)).toContain(
      `the date it is needed by now, for example ${isoDayAsUk(latest)}`,
    );
  });
});
