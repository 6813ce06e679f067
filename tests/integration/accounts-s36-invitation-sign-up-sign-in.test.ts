// "Create an account and join" from an invitation, by someone who has an account after all: the page's
// "Already have an account? Sign in" comes back to the invitation after signing in, as the invitation page's own
// "I already have an account: sign in" does, instead of dropping the invitation on the dashboard.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

describe("signing up from an invitation", () => {
  it("offers to sign in and come back to the invitation", async () => {
    const address = `s36-invitee-${Date.now()}@example.com`;
    await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: await sessionCookieFor(world.users.vcseOwner.id),
      form: { intent: "invite", email: address, role: "MEMBER" },
    });
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: address } });
    const token = email.text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1]!;
    const page = await renderPage(`/sign-up?invitation=${token}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`href="/sign-in?redirectTo=${encodeURIComponent(`/invitations/${token}`)}"`);
  });

  it("still offers a plain sign in without an invitation", async () => {
    const html = (await (await renderPage("/sign-up")).text()).replaceAll("<!-- -->", "");
    expect(html).toMatch(/Already have an account\?\s*<a [^>]*href="\/sign-in"/);
  });
});
