// The audit log shows each entry's time to the second with the clock it was read on. On the night the clocks go
// back, 01:30 BST and 01:30 GMT are an hour apart: shown as "26 October 2025 at 1:30" both, two changes an hour
// apart read as one moment (and which came first could not be told from the times), nor could two entries a few
// seconds apart. The time reads as every other page and email writes it ("3:24pm"), with the seconds and the zone
// added: "15:24:10 GMT" did not match the "3:24pm" of the email the entry was about.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
beforeAll(async () => {
  world = await createWorld();
  for (const [action, at] of [
    ["category.create", "2025-10-26T00:30:05Z"], // 01:30:05 BST
    ["category.rename", "2025-10-26T01:30:05Z"], // 01:30:05 GMT, an hour later
    ["category.retire", "2025-07-01T12:00:59Z"], // 13:00:59 BST
  ]) {
    const written = await writeAudit({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action,
      entityType: "Category",
      entityId: world.category.id,
    });
    await db.auditLog.update({ where: { id: written.id }, data: { createdAt: new Date(at) } });
  }
});

describe("the audit log's times", () => {
  it("say which clock they were read on and give the seconds, in the house's words", async () => {
    const response = await renderPage(
      "/council/audit?entityType=Category&from=2025-01-01&to=2025-12-31",
      await sessionCookieFor(world.users.councilAdmin.id),
    );
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    const when = [...html.matchAll(/<th scope="row"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(when).toEqual([
      "26 October 2025 at 1:30:05am GMT",
      "26 October 2025 at 1:30:05am BST",
      "1 July 2025 at 1:00:59pm BST",
    ]);
  });
});
