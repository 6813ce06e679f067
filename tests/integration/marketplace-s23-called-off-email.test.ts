// A requestor who calls off a pledge it had accepted (the supplier cannot deliver, or a disputed delivery is never
// put right) presses "Call off pledge", but was told "Pledge declined", and the supplier was emailed that its
// pledge "was declined", as if its offer had been turned down. Both now say it was called off; declining an
// offer is still called declining.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashOf } from "../helpers/flash.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

async function declinePledgeIn(status: "OFFERED" | "ACCEPTED" | "DISPUTED") {
  const { need, pledge } = await createPartlyPledgedRequest(world, {
    pledge: { createdById: world.users.supplierOwner.id, status },
  });
  const response = await callAction(pledgeDetailAction, {
    path: "/",
    params: { id: pledge.id },
    cookie,
    form: { intent: "decline", reason: "We no longer need it" },
  });
  expect(response.status).toBe(302);
  const email = await db.emailOutbox.findFirstOrThrow({
    where: {
      to: world.users.supplierOwner.email,
      template: "marketplace.decline",
      text: { contains: need.title },
    },
  });
  return { flash: await flashOf(response), email, title: need.title };
}

describe("calling off an accepted pledge", () => {
  it.each(["ACCEPTED", "DISPUTED"] as const)("from %s, is said to be called off", async (status) => {
    const { flash, email, title } = await declinePledgeIn(status);
    expect(flash).toEqual({ kind: "success", message: "Pledge called off" });
    expect(email.subject).toBe(`Pledge called off: ${title}`);
    expect(email.text).toContain(`Your pledge of 4 hours to “${title}” was called off.`);
    expect(email.text).toContain("We no longer need it");
    expect(email.text).not.toContain("declined");
  });

  it("declining an offer is still said to be declined", async () => {
    const { flash, email, title } = await declinePledgeIn("OFFERED");
    expect(flash).toEqual({ kind: "success", message: "Pledge declined" });
    expect(email.subject).toBe(`Pledge declined: ${title}`);
    expect(email.text).toContain("was declined.");
  });
});
