// "Register contract" and "Save changes" sent twice (a double click, a form sent again after a slow answer, one
// after the other or both at once) make one change and one history entry, and both sends get the success answer
// (decision 024). Before, the second registration was refused ("Your council already has a contract with this
// reference") and the second save was told a colleague had changed the contract, so the officer believed the first
// had failed. A real clash (another officer, other details, a colleague's change in between) is still refused.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/contracts.$id.edit.tsx";
import { action as newAction } from "~/routes/contracts.new/route.tsx";
import { createContract, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;
let colleague: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  colleague = await sessionCookieFor(world.users.councilAdmin.id);
});

const form = (overrides: Record<string, string> = {}) => ({
  reference: "TWICE-1",
  title: "Library refurbishment",
  supplierOrganisationId: world.supplier.id,
  department: "Communities",
  contractManagerId: world.users.officerA.id,
  valueGbp: "£850,000.5",
  awardedOn: "2026-03-01",
  startDate: "2026-04-01",
  endDate: "2027-03-31",
  planReference: "PM3-2202",
  status: "TERMINATED",
  terminatedOn: "2026-12-31",
  ...overrides,
});

const register = (cookie: string, values: Record<string, string>) =>
  callAction(newAction, { path: "/contracts/new", cookie, form: values });

const save = (cookie: string, id: string, values: Record<string, string>) =>
  callAction(editAction, { path: `/contracts/${id}/edit`, params: { id }, cookie, form: values });

const history = (id: string) =>
  db.auditLog.findMany({ where: { entityId: id }, select: { action: true }, orderBy: { createdAt: "asc" } });

type Reply = { error?: Record<string, string[]> };

describe("Register contract sent twice", () => {
  it("one after the other: one contract, one history entry, both answered with the contract", async () => {
    const first = await register(officer, form({ reference: "TWICE-1" }));
    const second = await register(officer, form({ reference: "TWICE-1" }));
    const contract = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: "TWICE-1" },
    });
    for (const response of [first, second]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/contracts/${contract.id}`);
    }
    expect(await history(contract.id)).toEqual([{ action: "contract.create" }]);
  });

  it("both at once: the same", async () => {
    const responses = await Promise.all([
      register(officer, form({ reference: "TWICE-2" })),
      register(officer, form({ reference: "TWICE-2" })),
    ]);
    const contracts = await db.contract.findMany({
      where: { councilId: world.councilA.id, reference: "TWICE-2" },
    });
    expect(contracts).toHaveLength(1);
    for (const response of responses) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/contracts/${contracts[0]!.id}`);
    }
    expect(await history(contracts[0]!.id)).toEqual([{ action: "contract.create" }]);
  });

  it("is still refused with other details, from another officer, or for a contract registered another way", async () => {
    expect((await register(officer, form({ reference: "TWICE-3" }))).status).toBe(302);
    // the refusal names the contract registered first
    const taken = [
      "Reference TWICE-3 is already used by ‘Library refurbishment’. Use a different reference or open that contract.",
    ];
    // the same reference for another contract
    const other = await register(officer, form({ reference: "TWICE-3", title: "Leisure centre" }));
    expect(other.status).toBe(400);
    expect((await jsonOf<Reply>(other)).error?.reference).toEqual(taken);
    // a colleague registering the same contract has not seen it is there
    const byColleague = await register(colleague, form({ reference: "TWICE-3" }));
    expect(byColleague.status).toBe(400);
    expect((await jsonOf<Reply>(byColleague)).error?.reference).toEqual(taken);
    // a contract that was not registered with this form by this officer (imported, or from before)
    const stored = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      reference: "TWICE-4",
    });
    const clash = await register(officer, {
      ...form(),
      reference: stored.reference,
      title: stored.title,
      department: stored.department,
      contractManagerId: "",
      valueGbp: stored.valueGbp.toFixed(2),
      awardedOn: stored.awardedOn!.toISOString().slice(0, 10),
      startDate: stored.startDate.toISOString().slice(0, 10),
      endDate: stored.endDate.toISOString().slice(0, 10),
      planReference: stored.planReference!,
      status: "ACTIVE",
    });
    expect(clash.status).toBe(400);
    expect(await db.contract.count({ where: { reference: { in: ["TWICE-3", "TWICE-4"] } } })).toBe(2);
  });
});

describe("Save changes sent twice", () => {
  async function registered(reference: string) {
    expect((await register(officer, form({ reference }))).status).toBe(302);
    const contract = await db.contract.findFirstOrThrow({ where: { reference } });
    return { id: contract.id, version: contract.updatedAt.toISOString() };
  }

  it("one after the other: one change, one history entry, both answered as saved", async () => {
    const { id, version } = await registered("TWICE-5");
    const changed = form({ reference: "TWICE-5", title: "Central library", version });
    const first = await save(officer, id, changed);
    const second = await save(officer, id, changed);
    for (const response of [first, second]) {
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`/contracts/${id}`);
    }
    expect((await db.contract.findUniqueOrThrow({ where: { id } })).title).toBe("Central library");
    expect(await history(id)).toEqual([{ action: "contract.create" }, { action: "contract.update" }]);
  });

  it("both at once: the same", async () => {
    const { id, version } = await registered("TWICE-6");
    const changed = form({ reference: "TWICE-6", department: "Libraries", version });
    const responses = await Promise.all([save(officer, id, changed), save(officer, id, changed)]);
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    expect(await history(id)).toEqual([{ action: "contract.create" }, { action: "contract.update" }]);
  });

  it("a save that changes nothing writes nothing, so it and colleagues' open forms stay current", async () => {
    const { id, version } = await registered("TWICE-7");
    const same = form({ reference: "TWICE-7", version });
    expect((await save(officer, id, same)).status).toBe(302);
    expect((await save(officer, id, same)).status).toBe(302);
    expect((await db.contract.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString()).toBe(version);
    // a colleague who read the form before these saves can still save theirs
    const theirs = await save(
      colleague,
      id,
      form({ reference: "TWICE-7", title: "Mobile library", version }),
    );
    expect(theirs.status).toBe(302);
    expect(await history(id)).toEqual([{ action: "contract.create" }, { action: "contract.update" }]);
  });

  it("a colleague's change in between is still shown, not overwritten, even when the answers match it", async () => {
    const { id, version } = await registered("TWICE-8");
    const changed = form({ reference: "TWICE-8", title: "Central library", version });
    expect((await save(officer, id, changed)).status).toBe(302);
    const after = (await db.contract.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();
    // the colleague changes the title back, then the officer's form is sent again
    expect((await save(colleague, id, { ...changed, title: "Library", version: after })).status).toBe(302);
    const again = await save(officer, id, changed);
    expect(again.status).toBe(409);
    expect((await db.contract.findUniqueOrThrow({ where: { id } })).title).toBe("Library");
    // the officer's own answers sent again after the colleague made the same change: not this person's save
    const { id: id2, version: v2 } = await registered("TWICE-9");
    const mine = form({ reference: "TWICE-9", title: "Central library", version: v2 });
    expect((await save(colleague, id2, mine)).status).toBe(302);
    expect((await save(officer, id2, mine)).status).toBe(409);
  });
});
