// An email to someone with no organisation yet (the "Confirm your email address" after signing up) has no council
// to name: its header said "Social Value Marketplace · Social Value Marketplace". It names the service once.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as signUpAction } from "~/routes/sign-up._index.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

describe("the header of an email", () => {
  it("names the service once when there is no council", async () => {
    const address = `s36-header-${Date.now()}@example.com`;
    const answer = await callAction(signUpAction, {
      path: "/sign-up?index",
      form: { name: "Hana Header", email: address, password: "a long enough password" },
    });
    expect(answer.status).toBe(302);
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: address } });
    for (const body of [email.text, email.html]) {
      expect(body).toContain("Social Value Marketplace");
      expect(body).not.toMatch(
        /Social Value Marketplace(<!-- -->)?\s*·\s*(<!-- -->)?Social Value Marketplace/,
      );
    }
  });

  it("still names the council when there is one", async () => {
    const { action: organisationAction } = await import("~/routes/organisations.$id._index/route.tsx");
    const address = `s36-header-invited-${Date.now()}@example.com`;
    await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: await sessionCookieFor(world.users.vcseOwner.id),
      form: { intent: "invite", email: address, role: "MEMBER" },
    });
    const email = await db.emailOutbox.findFirstOrThrow({ where: { to: address } });
    const council = await db.organisation.findUniqueOrThrow({ where: { id: world.vcse.councilId! } });
    expect(email.text).toContain(`${council.name} · Social Value Marketplace`);
  });
});
