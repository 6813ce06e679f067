// "Save search" sent twice at once (a double click, a form sent again) saves one search: the form carries a
// one-off key, as the pledge form does, and both answers are the success redirect.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as requestsLoader } from "~/routes/requests._index.tsx";
import { action as savedAction } from "~/routes/saved-searches.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

const save = (cookie: string, form: Record<string, string>) =>
  callAction(savedAction, { path: "/saved-searches", cookie, form });

describe("saving a search twice at once", () => {
  it("saves one search and answers both with the success redirect", async () => {
    const { saveSearchKey } = await jsonOf<{ saveSearchKey: string | null }>(
      await callLoader(requestsLoader, { path: "/requests?q=laptops", cookie: cookies.supplierOwner }),
    );
    expect(saveSearchKey).toEqual(expect.any(String));
    const form = {
      intent: "create",
      name: "Laptops",
      query: "q=laptops",
      emailDigest: "on",
      submissionKey: saveSearchKey!,
    };
    const answers = await Promise.all([save(cookies.supplierOwner, form), save(cookies.supplierOwner, form)]);
    expect(answers.map((a) => [a.status, a.headers.get("location")])).toEqual([
      [302, "/saved-searches"],
      [302, "/saved-searches"],
    ]);
    expect(await db.savedSearch.count({ where: { userId: world.users.supplierOwner.id } })).toBe(1);

    // sent again later (the back button, without JavaScript): still the one search
    expect((await save(cookies.supplierOwner, form)).status).toBe(302);
    expect(await db.savedSearch.count({ where: { userId: world.users.supplierOwner.id } })).toBe(1);
  });

  it("saves each form once: a new page's form is a new search, and a colleague's key is their own", async () => {
    const keyOf = async (cookie: string) =>
      (
        await jsonOf<{ saveSearchKey: string }>(
          await callLoader(requestsLoader, { path: "/requests", cookie }),
        )
      ).saveSearchKey;
    const first = await keyOf(cookies.supplierMember);
    const second = await keyOf(cookies.supplierMember);
    expect(second).not.toBe(first);
    // (different filters: the same filters twice are one search whatever the key, see marketplace-s37-saved-search-same-filters)
    const form = { intent: "create", name: "Everything", query: "" };
    await save(cookies.supplierMember, { ...form, submissionKey: first });
    await save(cookies.supplierMember, {
      ...form,
      name: "Goods",
      query: "helpType=GOODS",
      submissionKey: second,
    });
    // the same key from another user is that user's own form
    await save(cookies.otherSupplierOwner, { ...form, submissionKey: first });
    expect(await db.savedSearch.count({ where: { userId: world.users.supplierMember.id } })).toBe(2);
    expect(await db.savedSearch.count({ where: { userId: world.users.otherSupplierOwner.id } })).toBe(1);
  });

  it("offers no key to a visitor who cannot save searches", async () => {
    const { saveSearchKey } = await jsonOf<{ saveSearchKey: string | null }>(
      await callLoader(requestsLoader, { path: "/requests" }),
    );
    expect(saveSearchKey).toBeNull();
  });
});
