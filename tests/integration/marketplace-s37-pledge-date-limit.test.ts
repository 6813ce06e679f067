// An expected delivery date years ahead (2030) was told it "must be within 2 years from today" (since session 54 "on
// or before <that day>, 2 years from today"), and a date a year ahead, past the request's needed-by date, that it
// must be on or before the needed-by date: the limit that held all along. A date past a needed-by date sooner than
// the portal's limit is now always told the needed-by date.
import { beforeAll, describe, expect, it } from "vitest";
import { londonDay } from "~/domain/calendar.ts";
import { formatDate } from "~/domain/format.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let supplier: string;
const DAY = 86_400_000;
const iso = (date: Date) => date.toISOString().slice(0, 10);

beforeAll(async () => {
  world = await createWorld();
  supplier = await sessionCookieFor(world.users.supplierOwner.id);
});

async function pledgeBy(neededBy: Date, expectedDeliveryDate: string) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "OPEN",
    quantity: 10,
    neededBy,
  });
  const answer = await postPage(
    `/requests/${need.id}/pledge`,
    formOf({ submissionKey: `s37-date-${need.id}`, quantity: "1", expectedDeliveryDate }),
    supplier,
  );
  return { status: answer.status, text: readableText(await answer.text()) };
}

describe("an expected delivery date past the needed-by date", () => {
  const neededBy = () => new Date(londonDay(new Date()).getTime() + 60 * DAY);
  const told = (day: Date) =>
    `The expected delivery date must be on or before ${formatDate(day)}, the date the help is needed by`;

  it("years ahead is told the needed-by date, not the portal's two years", async () => {
    const by = neededBy();
    const answer = await pledgeBy(by, `${new Date().getUTCFullYear() + 4}-06-01`);
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(told(by));
    expect(answer.text).not.toContain("within 2 years");
  });

  it("a few days past it is told the same", async () => {
    const by = neededBy();
    const answer = await pledgeBy(by, iso(new Date(by.getTime() + 5 * DAY)));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain(told(by));
  });

  it("on the needed-by date is taken", async () => {
    const by = neededBy();
    const answer = await pledgeBy(by, iso(by));
    expect(answer.status).toBe(302);
  });

  it("when the needed-by date is further than two years, years ahead is still told the portal's limit", async () => {
    const by = new Date(londonDay(new Date()).getTime() + 3 * 366 * DAY);
    const answer = await pledgeBy(by, `${new Date().getUTCFullYear() + 3}-01-01`);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/on or before \d{1,2} \w+ \d{4}, 2 years from today/);
  });
});
