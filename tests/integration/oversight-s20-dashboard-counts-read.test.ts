// The supplier and group dashboards' big numbers read as a sentence with their label ("1 quarterly return to
// complete"); with a count of one they said "1 quarterly returns to complete", "1 requests in total". Each is a
// link, whose words stand alone in a screen reader's list of links: "0 of them overdue" did not say what "them" was.
import { beforeAll, describe, expect, it } from "vitest";
import { createContract, createReturn, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: "COUNT-1",
  });
  await createReturn({
    contractId: contract.id,
    financialYear: 2025,
    quarter: 1,
    status: "NOT_STARTED",
    dueDate: new Date("2025-07-30"),
  });
});

async function dashboardText(userId: string) {
  const response = await renderPage("/dashboard", await sessionCookieFor(userId));
  expect(response.status).toBe(200);
  return readableText(await response.text());
}

describe("dashboard counts", () => {
  it("say one return in the singular, and none in the plural", async () => {
    const text = await dashboardText(world.users.supplierOwner.id);
    expect(text).toContain("1 quarterly return to complete");
    // each count's link says what it counts on its own (WCAG 2.4.4), not "1 of them overdue"
    expect(text).toMatch(/\b1 overdue quarterly return\b(?!s)/);
    expect(text).not.toContain("of them");
    expect(text).toContain("0 pledges to deliver, accepted or disputed");
  });

  it("a group with no requests reads in the plural", async () => {
    const text = await dashboardText(world.users.vcseOwner.id);
    expect(text).toContain("0 requests in total");
    expect(text).toContain("0 pledges waiting for your answer");
    expect(text).toContain("0 deliveries to confirm, disputed ones included");
  });
});
