// Two officers with the same request open: one approves it, the other (a moment later) asks for changes. The
// second is refused with the reason, but the page shown again hid it: the error summary sat inside the form, and
// the form is only shown while the request waits for approval, so the officer saw the page come back with their
// comment gone and no word of what had happened.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import * as moderationPage from "~/routes/council.moderation.$id.tsx";
import { createMember, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callAction, callLoader } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
let first: string;
let second: string;

beforeAll(async () => {
  world = await createWorld();
  first = await sessionCookieFor(world.users.officerA.id);
  second = await sessionCookieFor((await createMember(world.councilA.id, "OFFICER")).id);
});

const moderate = (requestId: string, cookie: string, form: Record<string, string>) =>
  callAction(moderationPage.action, {
    path: `/council/moderation/${requestId}`,
    params: { id: requestId },
    cookie,
    form,
  });

describe("a request moderated by a colleague a moment before", () => {
  it("shows the officer why their decision was refused", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
    });
    expect((await moderate(need.id, first, { intent: "approve" })).status).toBe(302);

    const refused = await moderate(need.id, second, {
      intent: "requestChanges",
      comment: "Please add the dates volunteers are needed.",
    });
    expect(refused.status).toBe(400);
    const actionData = (await refused.json()) as { error: Record<string, string[]> };
    const reason = Object.values(actionData.error).flat()[0];
    expect(reason).toBeTruthy();

    // the page as shown again after the refused post: its loader runs again
    const page = await callLoader(moderationPage.loader, {
      path: `/council/moderation/${need.id}`,
      params: { id: need.id },
      cookie: second,
    });
    pageData.loaderData = await page.json();
    pageData.actionData = actionData;
    const html = renderComponent(moderationPage.default);
    expect(html).toContain("There is a problem");
    expect(html).toContain(reason);
  });
});
