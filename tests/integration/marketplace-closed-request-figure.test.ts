// A closed request (withdrawn, expired or fulfilled) no longer says "Still needed": nothing more can be pledged to
// it, so its page says what it came to, in the words every page uses (stillNeeded), not "Pledged: 10 hours of 10
// hours". An open one still says what is still needed, in words that read in each state: "Still needed: 0 hours of
// 10 hours" on a fully pledged one did not.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

const requestWith = (
  status: "EXPIRED" | "WITHDRAWN" | "FULFILLED" | "OPEN" | "PARTIALLY_PLEDGED" | "FULLY_PLEDGED",
  pledgedQuantity = 4,
) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    quantity: 10,
    pledgedQuantity,
    status,
  });

describe("the figure at the top of a request's page", () => {
  it("is what was pledged once the request has closed", async () => {
    const need = await requestWith("EXPIRED");
    const html = await (await renderPage(`/requests/${need.id}`, requestor)).text();
    expect(html).toMatch(/Pledged before it closed: <strong>4 hours<\/strong> of the 10 hours asked for/);
    expect(html).not.toContain("Still needed");
    expect(html).not.toMatch(/Pledged: /);
    const untouched = await requestWith("WITHDRAWN", 0);
    const none = await (await renderPage(`/requests/${untouched.id}`, requestor)).text();
    expect(none).toMatch(/Asked for: <strong>10 hours<\/strong>, none pledged before it closed/);
  });

  it("is what was met once the request is fulfilled", async () => {
    const need = await requestWith("FULFILLED", 10);
    const html = await (await renderPage(`/requests/${need.id}`, requestor)).text();
    expect(html).toMatch(/Met in full: <strong>10 hours<\/strong> delivered/);
    expect(html).not.toContain("Still needed");
    expect(html).not.toMatch(/Pledged: /);
  });

  it("is what is still needed while it is open", async () => {
    const need = await requestWith("PARTIALLY_PLEDGED");
    const html = await (await renderPage(`/requests/${need.id}`, requestor)).text();
    expect(html).toMatch(/Still needed: <strong>6 hours<\/strong> of the 10 hours asked for/);
  });

  it("says none was pledged yet, or all of it was, in the same words as the public list", async () => {
    const untouched = await requestWith("OPEN", 0);
    const fresh = await (await renderPage(`/requests/${untouched.id}`, requestor)).text();
    expect(fresh).toMatch(/Still needed: <strong>10 hours<\/strong>, none pledged yet/);
    const full = await requestWith("FULLY_PLEDGED", 10);
    const html = await (await renderPage(`/requests/${full.id}`, requestor)).text();
    expect(html).toMatch(/Fully pledged: <strong>10 hours<\/strong>, none still needed/);
    expect(html).not.toMatch(/\b0 hours/);
  });
});
