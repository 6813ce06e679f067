// A group's dashboard said what needs its action (offers to answer, deliveries to confirm, requests sent back) but
// not which of its requests were about to close at their needed-by date, the one thing it can do something about
// (extend once, or answer the offers) only before then. Those due within 14 days, or due already and closed by the
// next expiry run, are now listed soonest first, each linked to its manage page, saying whether it can still be
// extended, and counted under "Needs your action". Not a fully pledged one whose work is under way: it stays open.
import { beforeAll, describe, expect, it } from "vitest";
import { dayToDate, londonDayIso } from "~/domain/calendar.ts";
import type { PledgeStatus, RequestStatus } from "~/generated/prisma/enums.ts";
import { db } from "~/db.server.ts";
import {
  createMember,
  createOrganisation,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const ids: Record<string, string> = {};

// a London calendar day `days` from today, as the DATE column holds it
const inDays = (days: number) => dayToDate(londonDayIso(new Date(Date.now() + days * 86_400_000)));

async function request(
  name: string,
  days: number,
  status: RequestStatus,
  extra: { extended?: boolean; pledge?: PledgeStatus[]; organisationId?: string } = {},
) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: extra.organisationId ?? world.vcse.id,
    categoryId: world.category.id,
    title: name,
    status,
    quantity: 10,
    pledgedQuantity: status === "FULLY_PLEDGED" ? 10 : status === "PARTIALLY_PLEDGED" ? 5 : 0,
    neededBy: inDays(days),
  });
  if (extra.extended) await db.request.update({ where: { id: need.id }, data: { extendedAt: new Date() } });
  for (const pledged of extra.pledge ?? [])
    await createPledge({
      requestId: need.id,
      supplierOrganisationId: world.supplier.id,
      status: pledged,
      quantity: 5,
    });
  ids[name] = need.id;
}

beforeAll(async () => {
  world = await createWorld();
  await request("Due in three days", 3, "OPEN");
  await request("Extended, due in ten days", 10, "PARTIALLY_PLEDGED", {
    extended: true,
    pledge: ["OFFERED"],
  });
  await request("Due yesterday, not yet closed", -1, "OPEN");
  await request("Pledged by offers, due in five days", 5, "FULLY_PLEDGED", {
    pledge: ["OFFERED", "OFFERED"],
  });
  await request("Due on the fourteenth day", 14, "OPEN");
  // not listed
  await request("Work under way, due in four days", 4, "FULLY_PLEDGED", {
    pledge: ["ACCEPTED", "DELIVERED"],
  });
  await request("Due in fifteen days", 15, "OPEN");
  await request("Waiting for approval, due in two days", 2, "SUBMITTED");
  await request("Draft due in two days", 2, "DRAFT");
  await request("Expired already", -3, "EXPIRED");
  await request("Another group's, due in two days", 2, "OPEN", { organisationId: world.otherVcse.id });
});

async function dashboard(userId: string) {
  const response = await renderPage("/dashboard", await sessionCookieFor(userId));
  expect(response.status).toBe(200);
  const html = await response.text();
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return { main, action: main.slice(main.indexOf('id="action"'), main.indexOf('id="requests"')) };
}

describe("the group's requests closing soon, on its dashboard", () => {
  it("lists those due within 14 days or due already, soonest first, each linked to its manage page", async () => {
    const { action } = await dashboard(world.users.vcseOwner.id);
    const text = readableText(action);
    expect(text).toContain("5 requests closing in the next 14 days");
    const listed = [
      "Due yesterday, not yet closed",
      "Due in three days",
      "Pledged by offers, due in five days",
      "Extended, due in ten days",
      "Due on the fourteenth day",
    ];
    const positions = listed.map((name) => action.indexOf(`href="/requests/${ids[name]}/manage"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const name of [
      "Work under way, due in four days",
      "Due in fifteen days",
      "Waiting for approval, due in two days",
      "Draft due in two days",
      "Expired already",
      "Another group's, due in two days",
    ])
      expect(action).not.toContain(ids[name]);
  });

  it("says when each is needed by, and whether it can still be extended", async () => {
    const text = readableText((await dashboard(world.users.vcseMember.id)).action);
    const date = String.raw`\d{1,2} \w+ \d{4}`;
    expect(text).toMatch(new RegExp(`Due in three days open Needed by ${date}\\. You can extend it once\\.`));
    expect(text).toMatch(
      new RegExp(
        `Extended, due in ten days partly pledged Needed by ${date}\\. It has already been extended, so it cannot be extended again\\.`,
      ),
    );
    expect(text).toMatch(
      new RegExp(
        `Due yesterday, not yet closed open Needed by ${date}, which has passed: it closes tonight\\. You can extend it once\\.`,
      ),
    );
    expect(text).toMatch(
      new RegExp(`Pledged by offers, due in five days fully pledged Needed by ${date}\\.`),
    );
  });

  it("lists only the group's own", async () => {
    const { action } = await dashboard(world.users.otherVcseOwner.id);
    expect(readableText(action)).toContain("1 request closing in the next 14 days");
    expect(action).toContain(`href="/requests/${ids["Another group's, due in two days"]}/manage"`);
    expect(action).not.toContain(ids["Due in three days"]);
  });

  it("is not shown to a group with none closing, and counted as none", async () => {
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const owner = await createMember(group.id, "OWNER");
    const { action } = await dashboard(owner.id);
    expect(readableText(action)).toContain("0 requests closing in the next 14 days");
    expect(action).not.toContain('id="closing"');
  });
});
