// A link to a closed request says how it closed in plain words: "it expired", not "it was expired".
import { beforeAll, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function closedPage(status: RequestStatus) {
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    createdById: world.users.vcseOwner.id,
    status,
    publishedAt: new Date("2030-01-01T10:00:00Z"),
  });
  await db.request.update({ where: { id: need.id }, data: { closedAt: new Date("2030-02-01T10:30:00Z") } });
  const response = await renderPage(`/requests/${need.id}`);
  expect(response.status).toBe(410);
  return readableMainText(await response.text());
}

it("says an expired request expired, and a withdrawn one was withdrawn, with the day", async () => {
  expect(await closedPage("EXPIRED")).toContain("This request is closed: it expired on 1 February 2030.");
  expect(await closedPage("WITHDRAWN")).toContain(
    "This request is closed: it was withdrawn on 1 February 2030.",
  );
});
