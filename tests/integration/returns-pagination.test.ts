// A supplier with many contracts owes many returns: the to-do list must not stop silently at 100. The returns
// to complete come first, then the rest, 25 a page (?page=).
import { beforeAll, describe, expect, it } from "vitest";
import { loader as listLoader } from "~/routes/returns._index.tsx";
import { createContract, createReturn, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type Item = { id: string; status: string };
type Page = {
  page: number;
  pageCount: number;
  toDo: { total: number; items: Item[] };
  done: { total: number; items: Item[] };
};

let cookie: string;
const toDoIds = new Set<string>();
const doneIds = new Set<string>();

beforeAll(async () => {
  const world = await createWorld();
  // 30 contracts × 4 quarters = 120 returns to complete, and 10 accepted
  for (let n = 0; n < 30; n += 1) {
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: `PAGE-${String(n).padStart(2, "0")}`,
    });
    for (const quarter of [1, 2, 3, 4]) {
      const accepted = n < 10 && quarter === 1;
      const r = await createReturn({
        contractId: contract.id,
        financialYear: 2025,
        quarter,
        status: accepted ? "ACCEPTED" : "NOT_STARTED",
      });
      (accepted ? doneIds : toDoIds).add(r.id);
    }
  }
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
});

const pageOf = async (query = "") =>
  jsonOf<Page>(await callLoader(listLoader, { path: `/returns${query}`, cookie }));

describe("the supplier's returns", () => {
  it("lists every return once across pages of 25: those to complete first, oldest due first", async () => {
    const first = await pageOf();
    expect(first.page).toBe(1);
    expect(first.pageCount).toBe(5); // 110 to complete + 10 accepted
    expect(first.toDo.total).toBe(110);
    expect(first.done.total).toBe(10);
    expect(first.toDo.items).toHaveLength(25);
    expect(first.done.items).toEqual([]);

    const seen: Item[] = [];
    for (let page = 1; page <= first.pageCount; page += 1) {
      const data = await pageOf(page === 1 ? "" : `?page=${page}`);
      expect(data.toDo.items.length + data.done.items.length).toBe(page < 5 ? 25 : 20);
      seen.push(...data.toDo.items, ...data.done.items);
    }
    // nothing missed after the 100th, nothing twice
    expect(new Set(seen.map((r) => r.id)).size).toBe(120);
    expect(seen.slice(0, 110).every((r) => toDoIds.has(r.id))).toBe(true);
    expect(seen.slice(110).every((r) => doneIds.has(r.id))).toBe(true);

    // the page where one list ends and the other begins
    const fifth = await pageOf("?page=5");
    expect(fifth.toDo.items).toHaveLength(10);
    expect(fifth.done.items).toHaveLength(10);
  });

  it("a page past the end is empty, and a nonsense page is the first", async () => {
    const past = await pageOf("?page=9");
    expect([...past.toDo.items, ...past.done.items]).toEqual([]);
    expect((await pageOf("?page=abc")).page).toBe(1);
  });
});
