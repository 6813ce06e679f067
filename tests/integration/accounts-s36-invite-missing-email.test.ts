// Inviting a colleague with the address left empty: the field is "Their email address", so the error asks for
// theirs, not "your" email address (which reads as the owner's own, already known).
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

describe("an invitation sent with no address", () => {
  it("asks for their email address", async () => {
    const answer = await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: await sessionCookieFor(world.users.vcseOwner.id),
      form: { intent: "invite", email: "", role: "MEMBER" },
    });
    expect(answer.status).toBe(400);
    const body = await answer.text();
    expect(body).toContain("Enter their email address");
    expect(body).not.toContain("Enter your email address");
  });
});
