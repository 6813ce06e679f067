// The case-study choice on a fulfilled request's manage page, saved twice (a double click, or the back button) or
// saved as it already was, logged a change each time: the council's audit log showed the requestor agreeing to
// be a case study twice. A choice that changes nothing is answered as saved and logs nothing; a real change
// (agreeing, then withdrawing consent) is logged each time.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as manageAction } from "~/routes/requests.$id.manage.tsx";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.vcseOwner.id);
});

const choose = (id: string, agree: boolean) =>
  callAction(manageAction, {
    path: `/requests/${id}/manage`,
    params: { id },
    cookie,
    form: agree ? { intent: "showcase", showcaseConsent: "on" } : { intent: "showcase" },
  });

const fulfilled = () =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "FULFILLED",
    pledgedQuantity: 20,
  });

const logged = (id: string) => db.auditLog.count({ where: { entityId: id, action: "request.setShowcase" } });
const consent = async (id: string) => (await db.request.findUniqueOrThrow({ where: { id } })).showcaseConsent;

describe("the case-study choice", () => {
  it("saved twice, one after the other or at the same moment, is logged once", async () => {
    const need = await fulfilled();
    expect((await choose(need.id, true)).status).toBe(302);
    expect((await choose(need.id, true)).status).toBe(302);
    expect(await logged(need.id)).toBe(1);
    const other = await fulfilled();
    const answers = await Promise.all([choose(other.id, true), choose(other.id, true)]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect(await logged(other.id)).toBe(1);
    expect(await consent(other.id)).toBe(true);
  });

  it("saved as it already was logs nothing; each real change is logged", async () => {
    const need = await fulfilled();
    expect((await choose(need.id, false)).status).toBe(302);
    expect(await logged(need.id)).toBe(0);
    await choose(need.id, true);
    await choose(need.id, false);
    expect(await logged(need.id)).toBe(2);
    expect(await consent(need.id)).toBe(false);
  });
});
