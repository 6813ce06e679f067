// A request whose needed-by date passes while it waits for approval cannot be approved (requests.server.ts). The
// queue did not show the needed-by date at all, so an officer working oldest first could not see which requests
// were urgent or already past, and the review page offered "Approve and publish" only to refuse it once pressed.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const DAY = 86_400_000;

async function waiting(neededBy: Date) {
  return createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "SUBMITTED",
    neededBy,
  });
}

describe("the needed-by date of requests waiting for approval", () => {
  it("is shown in the queue, with the ones already past marked", async () => {
    const past = await waiting(new Date(Date.now() - 3 * DAY));
    const soon = await waiting(new Date(Date.now() + 10 * DAY));
    const officer = await sessionCookieFor(world.users.officerA.id);
    const page = await renderPage("/council/moderation", officer);
    expect(page.status).toBe(200);
    const text = readableMainText(await page.text());
    expect(text).toContain("Needed by");
    const rowOf = (title: string) => text.slice(text.indexOf(title), text.indexOf(title) + 300);
    expect(rowOf(past.title)).toContain("date passed");
    expect(rowOf(soon.title)).not.toContain("date passed");
  });

  it("past, the review page says so and offers only to request changes", async () => {
    const past = await waiting(new Date(Date.now() - 3 * DAY));
    const officer = await sessionCookieFor(world.users.officerA.id);
    const page = await renderPage(`/council/moderation/${past.id}`, officer);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(readableMainText(html)).toContain("The needed-by date has passed while the request waited");
    expect(html).not.toContain('value="approve"');
    expect(html).toContain('value="requestChanges"');
  });

  it("not past, the review page offers to approve as before", async () => {
    const later = await waiting(new Date(Date.now() + 10 * DAY));
    const officer = await sessionCookieFor(world.users.officerA.id);
    const html = await (await renderPage(`/council/moderation/${later.id}`, officer)).text();
    expect(html).toContain('value="approve"');
    expect(readableMainText(html)).not.toContain("The needed-by date has passed");
  });
});
