// A published request whose needed-by date has passed stays open until the nightly expiry run, but takes no pledge:
// the public page says so, while the requestor's own page showed it as "open" and said nothing. It now says that
// suppliers can no longer pledge and the request will expire, and points to the extension while there is one.
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { db } from "~/db.server.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;
const PASSED =
  "The needed-by date has passed, so suppliers can no longer pledge to this request and it will expire.";

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

async function manage(status: "OPEN" | "PARTIALLY_PLEDGED" | "FULLY_PLEDGED", neededBy: Date) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    neededBy,
  });
  const text = async () =>
    readableMainText(await (await renderPage(`/requests/${need.id}/manage`, requestor)).text());
  return { need, text };
}

describe("the requestor's page for a request past its needed-by date, before it expires", () => {
  it("says it takes no pledges and will expire, and how to extend it once", async () => {
    const { need, text } = await manage("OPEN", daysAgo(2));
    expect(await text()).toContain(`${PASSED} If you still need help, extend the needed-by date below.`);
    await db.request.update({ where: { id: need.id }, data: { extendedAt: daysAgo(10) } });
    const extended = await text();
    expect(extended).toContain(PASSED);
    expect(extended).not.toContain("If you still need help");
    expect(await (await manage("PARTIALLY_PLEDGED", daysAgo(1))).text()).toContain(PASSED);
  });

  it("says nothing of it before the date, nor of a fully pledged request, whose work goes on", async () => {
    expect(await (await manage("OPEN", daysAgo(-1))).text()).not.toContain("needed-by date has passed");
    expect(await (await manage("FULLY_PLEDGED", daysAgo(2))).text()).not.toContain(
      "needed-by date has passed",
    );
  });
});
