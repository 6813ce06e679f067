// "Add commitment", "Save commitment" and "Yes, remove" (on the page asking first) sent twice (a double click, a
// form sent again after a slow answer, one after the other or both at once) make one change and one history entry,
// and both sends get the success answer (decision 024). Before, the second add was refused ("This contract already
// has a commitment for this measure"), the second save was told a colleague had changed the commitment, and the
// second removal was a "Not found" page, so the officer believed the first had failed. A real clash is still
// refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/contracts.$id.commitments.$commitmentId.tsx";
import { action as removeAction } from "~/routes/contracts.$id.commitments.$commitmentId_.remove.tsx";
import { action as addAction } from "~/routes/contracts.$id.commitments.new/route.tsx";
import { createCommitment, createMeasure, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { createYearContract } from "./contracts-world.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;
let colleague: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  colleague = await sessionCookieFor(world.users.councilAdmin.id);
});

// a year's term: Q1 to Q4 2026/27
const newContract = () => createYearContract(world);

const planForm = (quantities: string[]) =>
  Object.fromEntries(
    quantities.flatMap((quantity, i) => [
      [`plan[${i}].quarter`, `2026-${i + 1}`],
      [`plan[${i}].quantity`, quantity],
    ]),
  );

const add = (cookie: string, contractId: string, form: Record<string, string>) =>
  callAction(addAction, {
    path: `/contracts/${contractId}/commitments/new`,
    params: { id: contractId },
    cookie,
    form,
  });

const edit = (cookie: string, contractId: string, commitmentId: string, form: Record<string, string>) =>
  callAction(editAction, {
    path: `/contracts/${contractId}/commitments/${commitmentId}`,
    params: { id: contractId, commitmentId },
    cookie,
    form,
  });

/** "Yes, remove" on the page asking first, which sends only the version it showed. */
const remove = (cookie: string, contractId: string, commitmentId: string, version: string) =>
  callAction(removeAction, {
    path: `/contracts/${contractId}/commitments/${commitmentId}/remove`,
    params: { id: contractId, commitmentId },
    cookie,
    form: { version },
  });

const history = async (contractId: string) =>
  (await db.auditLog.findMany({ where: { entityId: contractId }, orderBy: { createdAt: "asc" } })).map(
    (e) => e.action,
  );

type Reply = { error?: Record<string, string[]>; stale?: unknown };

describe("Add commitment sent twice", () => {
  const form = (measureId: string) => ({
    measureId,
    targetQuantity: "40",
    narrative: "Apprenticeships for local people",
    ...planForm(["10", "10", "10", "10"]),
  });

  it("one after the other, or both at once: one commitment, one history entry, both answered as added", async () => {
    for (const together of [false, true]) {
      const contract = await newContract();
      const measure = await createMeasure({ councilId: world.councilA.id });
      const responses = together
        ? await Promise.all([
            add(officer, contract.id, form(measure.id)),
            add(officer, contract.id, form(measure.id)),
          ])
        : [
            await add(officer, contract.id, form(measure.id)),
            await add(officer, contract.id, form(measure.id)),
          ];
      for (const response of responses) {
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toBe(`/contracts/${contract.id}`);
      }
      expect(await db.commitment.count({ where: { contractId: contract.id } })).toBe(1);
      expect(await db.commitmentPlan.count({ where: { commitment: { contractId: contract.id } } })).toBe(4);
      expect(await history(contract.id)).toEqual(["commitment.add"]);
    }
  });

  it("is still refused with other answers, from a colleague, or when the commitment was there before", async () => {
    const contract = await newContract();
    const measure = await createMeasure({ councilId: world.councilA.id });
    expect((await add(officer, contract.id, form(measure.id))).status).toBe(302);
    const duplicate = ["This contract already has a commitment for this measure"];
    const other = await add(officer, contract.id, {
      ...form(measure.id),
      targetQuantity: "20",
      ...planForm(["20", "", "", ""]),
    });
    expect(other.status).toBe(400);
    expect((await jsonOf<Reply>(other)).error?.measureId).toEqual(duplicate);
    const byColleague = await add(colleague, contract.id, form(measure.id));
    expect(byColleague.status).toBe(400);
    expect((await jsonOf<Reply>(byColleague)).error?.measureId).toEqual(duplicate);
    // stored before (an import, the seed): not this officer's add
    const older = await createMeasure({ councilId: world.councilA.id });
    await createCommitment({
      contractId: contract.id,
      measureId: older.id,
      targetQuantity: 40,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 10 })),
    });
    expect((await add(officer, contract.id, { ...form(older.id), narrative: "" })).status).toBe(400);
    expect(await history(contract.id)).toEqual(["commitment.add"]);
  });
});

describe("Save commitment and Yes, remove sent twice", () => {
  async function stored() {
    const contract = await newContract();
    const measure = await createMeasure({ councilId: world.councilA.id });
    const commitment = await createCommitment({
      contractId: contract.id,
      measureId: measure.id,
      targetQuantity: 40,
      plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 10 })),
    });
    const form = (overrides: Record<string, string> = {}) => ({
      intent: "save",
      measureId: measure.id,
      version: commitment.updatedAt.toISOString(),
      targetQuantity: "40",
      ...planForm(["10", "10", "10", "10"]),
      ...overrides,
    });
    return { contractId: contract.id, id: commitment.id, form };
  }

  it("saving, one after the other or both at once: one change, one history entry, both answered as saved", async () => {
    for (const together of [false, true]) {
      const { contractId, id, form } = await stored();
      const changed = form({ targetQuantity: "50", ...planForm(["20", "10", "10", "10"]) });
      const responses = together
        ? await Promise.all([edit(officer, contractId, id, changed), edit(officer, contractId, id, changed)])
        : [await edit(officer, contractId, id, changed), await edit(officer, contractId, id, changed)];
      for (const response of responses) {
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toBe(`/contracts/${contractId}`);
      }
      expect((await db.commitment.findUniqueOrThrow({ where: { id } })).targetQuantity?.toFixed(2)).toBe(
        "50.00",
      );
      expect(await history(contractId)).toEqual(["commitment.update"]);
    }
  });

  it("a save that changes nothing writes nothing, so a colleague's open form stays current", async () => {
    const { contractId, id, form } = await stored();
    const version = form().version;
    expect((await edit(officer, contractId, id, form({ targetQuantity: "40.00" }))).status).toBe(302);
    expect((await db.commitment.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString()).toBe(version);
    expect((await edit(colleague, contractId, id, form({ narrative: "Checked" }))).status).toBe(302);
    expect(await history(contractId)).toEqual(["commitment.update"]);
  });

  it("a colleague's change in between, even to the same answers, is still shown and not overwritten", async () => {
    const { contractId, id, form } = await stored();
    const changed = form({ targetQuantity: "50", ...planForm(["20", "10", "10", "10"]) });
    expect((await edit(colleague, contractId, id, changed)).status).toBe(302);
    const mine = await edit(officer, contractId, id, changed);
    expect(mine.status).toBe(409);
    expect((await jsonOf<Reply>(mine)).stale).toBeTruthy();
  });

  it("removing, one after the other or both at once: removed once, one history entry, both answered as removed", async () => {
    for (const together of [false, true]) {
      const { contractId, id, form } = await stored();
      const send = () => remove(officer, contractId, id, form().version);
      const responses = together ? await Promise.all([send(), send()]) : [await send(), await send()];
      for (const response of responses) {
        expect(response.status).toBe(302);
        expect(response.headers.get("location")).toBe(`/contracts/${contractId}`);
      }
      expect(await db.commitment.count({ where: { id } })).toBe(0);
      expect(await history(contractId)).toEqual(["commitment.remove"]);
    }
  });

  it("a commitment a colleague removed is answered as already removed (410); one that never was is not found", async () => {
    const { contractId, id, form } = await stored();
    const { version } = form();
    expect((await remove(colleague, contractId, id, version)).status).toBe(302);
    expect((await remove(officer, contractId, id, version)).status).toBe(410);
    // its edit page too, since the removed commitment's edit page answers as its removal page does
    expect((await edit(officer, contractId, id, form())).status).toBe(410);
    expect((await remove(officer, contractId, "no-such-commitment", version)).status).toBe(404);
  });

  it("a removal is never answered as done while the commitment is still there", async () => {
    const { contractId, id, form } = await stored();
    // the officer saves, then removes from a page read before that save
    expect((await edit(officer, contractId, id, form({ narrative: "Checked" }))).status).toBe(302);
    const removal = await remove(officer, contractId, id, form().version);
    expect(removal.status).toBe(409);
    expect(await db.commitment.count({ where: { id } })).toBe(1);
  });
});
