// A supplier withdrawing a pledge emailed the requestor "That amount is needed again and other suppliers can pledge
// it" whatever became of the request. A pledge accepted before the request expired can still be withdrawn, and then
// nobody can pledge the amount: the email now says so, as the pledge's page does when a requestor calls one off.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as pledgeDetailAction } from "~/routes/pledges.$id.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
const NEEDED_AGAIN = "That amount is needed again and other suppliers can pledge it.";
const CLOSED = "The request is closed to new pledges, so no other supplier can pledge that amount.";

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

async function withdrawFrom(request: { status: "EXPIRED" | "PARTIALLY_PLEDGED"; neededBy?: Date }) {
  const { need, pledge } = await createPartlyPledgedRequest(world, {
    request,
    pledge: { status: "ACCEPTED" },
  });
  const response = await callAction(pledgeDetailAction, {
    path: "/",
    params: { id: pledge.id },
    cookie,
    form: { intent: "withdraw", reason: "Our van broke down" },
  });
  expect(response.status).toBe(302);
  const emails = await db.emailOutbox.findMany({
    where: {
      to: world.users.vcseOwner.email,
      template: "marketplace.withdraw",
      text: { contains: need.title },
    },
  });
  expect(emails).toHaveLength(1);
  return emails[0].text.replace(/\s+/g, " ");
}

describe("the email telling a requestor a pledge was withdrawn", () => {
  it("says the amount can be pledged again while the request takes pledges", async () => {
    const text = await withdrawFrom({ status: "PARTIALLY_PLEDGED" });
    expect(text).toContain("Our van broke down");
    expect(text).toContain(NEEDED_AGAIN);
    expect(text).not.toContain(CLOSED);
  });

  it("says nobody else can pledge it when the request has expired", async () => {
    const text = await withdrawFrom({ status: "EXPIRED", neededBy: new Date(Date.now() - 3 * 86400000) });
    expect(text).toContain(CLOSED);
    expect(text).not.toContain(NEEDED_AGAIN);
  });

  it("says nobody else can pledge it when the needed-by date has passed before the request expired", async () => {
    const text = await withdrawFrom({
      status: "PARTIALLY_PLEDGED",
      neededBy: new Date(Date.now() - 3 * 86400000),
    });
    expect(text).toContain(CLOSED);
  });
});
