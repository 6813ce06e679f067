// A council officer without survey access who opened their own council's survey downloads (the report's CSV and the
// contacts CSV) got a 403 whose body was the refusal's raw JSON, as no error page renders on a download. They now
// get the sentence itself, as plain text: what the download needs and who can give it. Anyone outside that council
// still gets 404, and the download itself still works for an officer with survey access.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMember, createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
let cycleId: string;

const downloads = () => [
  `/council/survey/${cycleId}/aggregate.csv`,
  `/council/survey/${cycleId}/contacts.csv`,
];

beforeAll(async () => {
  await renderPage("/");
  world = await createWorld();
  await db.user.update({ where: { id: world.users.councilAdmin.id }, data: { name: "Amara Okafor" } });
  const surveyOfficer = await createMember(world.councilA.id, "OFFICER", { surveyAccess: true });
  const otherCouncil = await createMember(world.councilB.id, "OFFICER", { surveyAccess: true });
  for (const [who, id] of Object.entries({
    admin: world.users.councilAdmin.id,
    officerA: world.users.officerA.id,
    surveyOfficer: surveyOfficer.id,
    otherCouncil: otherCouncil.id,
    supplier: world.users.supplierOwner.id,
    vcse: world.users.vcseOwner.id,
  }))
    cookies[who] = await sessionCookieFor(id);
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, status: "CLOSED" })).id;
});

describe("a council's survey downloads, to its members without survey access", () => {
  it("answer 403 in plain text saying what is needed and who can give it, for both CSVs", async () => {
    for (const path of downloads()) {
      const response = await renderPage(path, cookies.officerA);
      expect(response.status, path).toBe(403);
      expect(response.headers.get("content-type"), path).toBe("text/plain; charset=utf-8");
      const text = await response.text();
      expect(text, path).toBe(
        "You do not have permission to run the supplier diversity survey.\n\n" +
          `Only officers with survey access of ${world.councilA.name} can run the supplier diversity survey. ` +
          `Ask ${world.councilA.name}’s administrator, Amara Okafor, to give you survey access.\n`,
      );
      expect(text, path).not.toContain("refused");
    }
  });

  it("tell an administrator without it that they can give it to themselves", async () => {
    for (const path of downloads()) {
      const response = await renderPage(path, cookies.admin);
      expect(response.status, path).toBe(403);
      expect(response.headers.get("content-type"), path).toBe("text/plain; charset=utf-8");
      expect(await response.text(), path).toContain(
        `As one of its administrators, you can give yourself survey access on ${world.councilA.name}’s members page.`,
      );
    }
  });

  // (session 48) a person who followed the link got that plain text in place of a page: their browser asks for a
  // page, so they are sent to the report page, which refuses in the portal's layout with the same words
  it("send a browser to the report page, which answers the portal's 403 page with the same words", async () => {
    for (const path of downloads()) {
      const response = await renderPage(path, cookies.officerA, { accept: "text/html" });
      expect(response.status, path).toBe(303);
      expect(response.headers.get("location"), path).toBe(`/council/survey/${cycleId}/report`);
      expect(response.headers.get("vary"), path).toBe("Accept");
      const page = await renderPage(response.headers.get("location")!, cookies.officerA, {
        accept: "text/html",
      });
      expect(page.status, path).toBe(403);
      const html = await page.text();
      expect(html, path).toContain(
        "<title>You do not have permission to run the supplier diversity survey – Social Value Marketplace</title>",
      );
      expect(readableMainText(html), path).toContain(
        `Only officers with survey access of ${world.councilA.name} can run the supplier diversity survey. ` +
          `Ask ${world.councilA.name}’s administrator, Amara Okafor, to give you survey access.`,
      );
    }
  });

  it("give nothing of the answers away and audit no export", async () => {
    expect(await db.auditLog.count({ where: { action: { startsWith: "survey." } } })).toBe(0);
  });
});

describe("a council's survey downloads, to anyone outside that council", () => {
  it("answer 404 to another council's survey officer, a supplier and a VCSE", async () => {
    for (const who of ["otherCouncil", "supplier", "vcse"])
      for (const path of downloads()) {
        const response = await renderPage(path, cookies[who]);
        expect(response.status, `${who} ${path}`).toBe(404);
        const body = await response.text();
        expect(body, `${who} ${path}`).not.toContain("survey access");
        expect(body, `${who} ${path}`).not.toContain("Amara Okafor");
      }
  });

  it("still download for the council's officer with survey access", async () => {
    for (const path of downloads()) {
      const response = await renderPage(path, cookies.surveyOfficer);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("content-type"), path).toContain("text/csv");
      // the CSV is streamed: read it to its end, its heading row first
      expect((await response.text()).length, path).toBeGreaterThan(0);
    }
  });
});
