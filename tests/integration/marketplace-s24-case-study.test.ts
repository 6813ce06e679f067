// The case-study choice could be saved on a request in any status (the form only showed once it was fulfilled, but
// a form posted directly was taken): a draft or an open request marked as a case study of help not yet given. It
// is now refused, with a message saying when it can be chosen, until the request is fulfilled.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { NOT_YET_A_CASE_STUDY } from "~/domain/marketplace/requests.server.ts";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

const requestIn = (status: RequestStatus) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    pledgedQuantity: status === "FULFILLED" ? 20 : 0,
  });

const agree = (id: string) =>
  callAction(manageAction, {
    path: `/requests/${id}/manage`,
    params: { id },
    cookie,
    form: { intent: "showcase", showcaseConsent: "on" },
  });

describe("the case-study choice", () => {
  it.each([
    "DRAFT",
    "SUBMITTED",
    "OPEN",
    "PARTIALLY_PLEDGED",
    "FULLY_PLEDGED",
    "EXPIRED",
    "WITHDRAWN",
  ] as const)("is refused while the request is %s, saying when it can be chosen", async (status) => {
    const need = await requestIn(status);
    const response = await agree(need.id);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain(NOT_YET_A_CASE_STUDY);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).showcaseConsent).toBe(false);
  });

  it("is saved once the request is fulfilled", async () => {
    const need = await requestIn("FULFILLED");
    expect((await agree(need.id)).status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).showcaseConsent).toBe(true);
  });
});
