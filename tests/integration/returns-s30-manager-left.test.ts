// A contract manager who leaves the council stays the contract's manager until an officer picks another (decision
// 023), and their return emails go to the council's admins. The contract's page says they have left, but the
// council's returns list named them as the manager of each return, and the supplier's return page named them and
// said a submitted return was "Waiting for <them> to review it": someone who will never see it. Both now say the
// manager no longer works for the council, and the supplier reads that it waits for the council.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { createSubmittedReturnWorld } from "./returns-review-world.ts";

beforeAll(() => renderPage("/"));

const LEFT = "Priya Shah (no longer works for the council)";

async function submitted() {
  const w = await createSubmittedReturnWorld();
  await db.user.update({ where: { id: w.users.officerA.id }, data: { name: "Priya Shah" } });
  return { ...w, admin: await sessionCookieFor(w.users.councilAdmin.id) };
}

const pageText = async (path: string, cookie: string) => {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableText(await response.text()).replace(/&#x27;/g, "'");
};

describe("a return whose contract manager has left the council", () => {
  it("says so in the council's returns list", async () => {
    const w = await submitted();
    expect(await pageText("/returns?queue=review", w.admin)).toContain("Priya Shah");
    expect(await pageText("/returns?queue=review", w.admin)).not.toContain(LEFT);
    await db.membership.deleteMany({ where: { userId: w.users.officerA.id } });
    for (const queue of ["review", "all"]) {
      expect(await pageText(`/returns?queue=${queue}`, w.admin)).toContain(LEFT);
    }
  });

  it("tells the supplier it waits for the council, not for the manager who left", async () => {
    const w = await submitted();
    await db.membership.deleteMany({ where: { userId: w.users.officerA.id } });
    const text = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(text).toContain(`Contract manager ${LEFT}`);
    expect(text).toContain("Waiting for the council to review it.");
    expect(text).not.toContain("Waiting for Priya Shah");
  });

  it("counts a deleted account as gone", async () => {
    const w = await submitted();
    await db.user.update({ where: { id: w.users.officerA.id }, data: { deletedAt: new Date() } });
    expect(await pageText("/returns?queue=review", w.admin)).toContain(LEFT);
  });

  it("does not count a partnership-wide officer of a partner council as gone", async () => {
    const w = await submitted();
    // the world's two councils are partners
    const partner = await createMember(w.councilB.id, "OFFICER");
    await db.membership.updateMany({ where: { userId: partner.id }, data: { partnershipWide: true } });
    await db.user.update({ where: { id: partner.id }, data: { name: "Sam Okafor" } });
    await db.contract.update({ where: { id: w.contract.id }, data: { contractManagerId: partner.id } });
    const list = await pageText("/returns?queue=review", w.admin);
    expect(list).toContain("Sam Okafor");
    expect(list).not.toContain("Sam Okafor (no longer");
    const text = await pageText(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(text).toContain("Waiting for Sam Okafor to review it.");
  });
});
