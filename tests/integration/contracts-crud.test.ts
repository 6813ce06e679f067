import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { hasQuarterEnded } from "~/domain/contracts/quarters.ts";
import { action as editCommitmentAction } from "~/routes/contracts.$id.commitments.$commitmentId.tsx";
import { action as removeCommitmentAction } from "~/routes/contracts.$id.commitments.$commitmentId_.remove.tsx";
import {
  action as addCommitmentAction,
  loader as addCommitmentLoader,
} from "~/routes/contracts.$id.commitments.new/route.tsx";
import { loader as contractLoader } from "~/routes/contracts.$id._index/route.tsx";
import { action as editAction, loader as editLoader } from "~/routes/contracts.$id.edit.tsx";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import { action as newAction, loader as newLoader } from "~/routes/contracts.new/route.tsx";
import { action as measureAction } from "~/routes/council.measures.$id.tsx";
import { loader as measuresLoader } from "~/routes/council.measures._index.tsx";
import { action as newMeasureAction } from "~/routes/council.measures.new/route.tsx";
import {
  addMember,
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createPledge,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
let measures: { hours: string; percent: string; words: string; retired: string };

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
  const councilId = world.councilA.id;
  measures = {
    hours: (await createMeasure({ councilId, code: "SOC-01", unit: "HOURS" })).id,
    percent: (await createMeasure({ councilId, code: "GRO-04", unit: "PERCENT", name: "Real Living Wage" }))
      .id,
    words: (await createMeasure({ councilId, code: "SOC-04", unit: "QUALITATIVE", name: "Engagement" })).id,
    retired: (await createMeasure({ councilId, code: "OLD-01", unit: "COUNT", name: "Old measure" })).id,
  };
  await db.measure.update({ where: { id: measures.retired }, data: { retiredAt: new Date() } });
});

const contractForm = (overrides: Record<string, string> = {}) => ({
  reference: "NEW-001",
  title: "Library refurbishment",
  supplierOrganisationId: world.supplier.id,
  department: "Communities",
  contractManagerId: world.users.officerA.id,
  valueGbp: "£850,000",
  awardedOn: "2026-03-01",
  startDate: "2026-04-01",
  endDate: "2027-03-31",
  planReference: "PM3-2202",
  status: "ACTIVE",
  ...overrides,
});

type Reply = { status: string; error?: Record<string, string[]> };

// an edit form carries the version of the contract it was read from
const versionOf = async (id: string) =>
  (await db.contract.findUniqueOrThrow({ where: { id } })).updatedAt.toISOString();

describe("registering and changing a contract", () => {
  let contractId: string;

  it("an officer registers a contract, and it is logged with every field", async () => {
    expect((await callLoader(newLoader, { path: "/contracts/new", cookie: cookies.officerA })).status).toBe(
      200,
    );
    const response = await callAction(newAction, {
      path: "/contracts/new",
      cookie: cookies.officerA,
      form: contractForm(),
    });
    expect(response.status).toBe(302);
    const contract = await db.contract.findFirstOrThrow({ where: { reference: "NEW-001" } });
    contractId = contract.id;
    expect(response.headers.get("location")).toBe(`/contracts/${contract.id}`);
    expect(contract.councilId).toBe(world.councilA.id);
    expect(contract.valueGbp.toFixed(2)).toBe("850000.00");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: contract.id } });
    expect(audit).toMatchObject({
      action: "contract.create",
      actorUserId: world.users.officerA.id,
      organisationId: world.councilA.id,
    });
  });

  it("refuses invalid input with field errors, keeping the input, never a 500", async () => {
    const response = await callAction(newAction, {
      path: "/contracts/new",
      cookie: cookies.officerA,
      form: contractForm({
        reference: "NEW-002",
        endDate: "2026-01-01",
        valueGbp: "a lot",
        supplierOrganisationId: world.vcse.id,
      }),
    });
    expect(response.status).toBe(400);
    const reply = await jsonOf<Reply & { initialValue: Record<string, string> }>(response);
    expect(Object.keys(reply.error!).sort()).toEqual(["endDate", "valueGbp"]);
    expect(reply.initialValue.reference).toBe("NEW-002");
    const notSupplier = await callAction(newAction, {
      path: "/contracts/new",
      cookie: cookies.officerA,
      form: contractForm({
        reference: "NEW-002",
        supplierOrganisationId: world.vcse.id,
        contractManagerId: world.users.officerB.id,
      }),
    });
    expect(notSupplier.status).toBe(400);
    expect(Object.keys((await jsonOf<Reply>(notSupplier)).error!).sort()).toEqual([
      "contractManagerId",
      "supplierOrganisationId",
    ]);
    // the reference of the contract registered above, for another contract (the same form sent again would be
    // a double submit, answered as the first was: contracts-sent-twice.test.ts)
    const duplicate = await callAction(newAction, {
      path: "/contracts/new",
      cookie: cookies.officerA,
      form: contractForm({ title: "Leisure centre" }),
    });
    expect(duplicate.status).toBe(400);
    expect((await jsonOf<Reply>(duplicate)).error!.reference).toEqual([
      "Reference NEW-001 is already used by ‘Library refurbishment’. Use a different reference or open that contract.",
    ]);
    expect(await db.contract.count({ where: { reference: "NEW-002" } })).toBe(0);
  });

  it("only council officers may register contracts", async () => {
    for (const who of ["supplierOwner", "vcseOwner"]) {
      const response = await callAction(newAction, {
        path: "/contracts/new",
        cookie: cookies[who],
        form: contractForm({ reference: "SNEAKY" }),
      });
      expect(response.status).toBe(404);
    }
    const anonymous = await callAction(newAction, {
      path: "/contracts/new",
      form: contractForm({ reference: "SNEAKY" }),
    });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/sign-in/);
    expect(await db.contract.count({ where: { reference: "SNEAKY" } })).toBe(0);
  });

  it("an edit records a field-by-field history shown on the contract page", async () => {
    const response = await callAction(editAction, {
      path: `/contracts/${contractId}/edit`,
      params: { id: contractId },
      cookie: cookies.officerA,
      form: contractForm({
        title: "Central library refurbishment",
        status: "ENDED",
        // ended means it ran its term: its end date has passed
        endDate: "2026-11-30",
        contractManagerId: "",
        version: await versionOf(contractId),
      }),
    });
    expect(response.status).toBe(302);
    const unchanged = await callAction(editAction, {
      path: `/contracts/${contractId}/edit`,
      params: { id: contractId },
      cookie: cookies.officerA,
      form: contractForm({
        title: "Central library refurbishment",
        status: "ENDED",
        // ended means it ran its term: its end date has passed
        endDate: "2026-11-30",
        contractManagerId: "",
        version: await versionOf(contractId),
      }),
    });
    expect(unchanged.status).toBe(302);
    const page = await jsonOf<{ history: { what: string; who: string; changes: object[] }[] }>(
      await callLoader(contractLoader, {
        path: `/contracts/${contractId}`,
        params: { id: contractId },
        cookie: cookies.officerA,
      }),
    );
    expect(page.history.map((h) => h.what)).toEqual(["Contract details changed", "Contract registered"]);
    expect(page.history[0]!.who).toBe(world.users.officerA.name);
    expect(page.history[0]!.changes).toEqual([
      { field: "title", label: "Title", from: "Library refurbishment", to: "Central library refurbishment" },
      { field: "contractManager", label: "Contract manager", from: world.users.officerA.name, to: null },
      { field: "endDate", label: "End date", from: "2027-03-31", to: "2026-11-30" },
      { field: "status", label: "Status", from: "ACTIVE", to: "ENDED" },
    ]);
  });

  it("officers of another council cannot see or change it (404), and nothing changes", async () => {
    const params = { id: contractId };
    expect(
      (
        await callLoader(editLoader, {
          path: `/contracts/${contractId}/edit`,
          params,
          cookie: cookies.officerB,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callLoader(contractLoader, {
          path: `/contracts/${contractId}`,
          params,
          cookie: cookies.officerB,
        })
      ).status,
    ).toBe(404);
    for (const who of ["officerB", "supplierOwner"]) {
      const response = await callAction(editAction, {
        path: `/contracts/${contractId}/edit`,
        params,
        cookie: cookies[who],
        form: contractForm({ title: "Hijacked", version: await versionOf(contractId) }),
      });
      expect(response.status).toBe(404);
    }
    expect((await db.contract.findUniqueOrThrow({ where: { id: contractId } })).title).toBe(
      "Central library refurbishment",
    );
  });

  it("an officer of two councils changes a contract of the council they are not acting for", async () => {
    const both = await createMember(world.councilB.id, "OFFICER");
    await addMember(world.councilA.id, both.id, "OFFICER");
    const bContract = await createContract({
      councilId: world.councilB.id,
      supplierOrganisationId: world.supplier.id,
      reference: "TWO-COUNCILS",
    });
    const cookie = `${await sessionCookieFor(both.id)}; svm_org=${world.councilA.id}`;
    const params = { id: bContract.id };
    expect(
      (await callLoader(editLoader, { path: `/contracts/${bContract.id}/edit`, params, cookie })).status,
    ).toBe(200);
    const response = await callAction(editAction, {
      path: `/contracts/${bContract.id}/edit`,
      params,
      cookie,
      form: contractForm({
        reference: "TWO-COUNCILS",
        title: "Renamed",
        contractManagerId: "",
        version: bContract.updatedAt.toISOString(),
      }),
    });
    expect(response.status).toBe(302);
    const entry = await db.auditLog.findFirstOrThrow({ where: { entityId: bContract.id } });
    expect(entry.organisationId).toBe(world.councilB.id);
    await db.contract.delete({ where: { id: bContract.id } }); // keep the later listings exact
  });

  it("the term cannot shrink past the delivery plan", async () => {
    await createCommitment({
      contractId,
      measureId: measures.hours,
      targetQuantity: 20,
      plan: [
        { financialYear: 2026, quarter: 1, targetQuantity: 10 },
        { financialYear: 2026, quarter: 4, targetQuantity: 10 },
      ],
    });
    const response = await callAction(editAction, {
      path: `/contracts/${contractId}/edit`,
      params: { id: contractId },
      cookie: cookies.officerA,
      form: contractForm({ endDate: "2026-12-31", version: await versionOf(contractId) }),
    });
    expect(response.status).toBe(400);
    expect((await jsonOf<Reply>(response)).error!.endDate![0]).toMatch(/Q4 2026\/27/);
  });
});

describe("commitments", () => {
  let contractId: string;
  beforeAll(async () => {
    contractId = (
      await createContract({
        councilId: world.councilA.id,
        supplierOrganisationId: world.supplier.id,
        reference: "COM-1",
        startDate: new Date("2026-04-01"),
        endDate: new Date("2027-03-31"),
      })
    ).id;
  });
  const path = () => `/contracts/${contractId}/commitments/new`;
  /** "Save" on the contract's add-commitment form, by council A's officer. */
  const addCommitment = (form: Record<string, string>) =>
    callAction(addCommitmentAction, {
      path: path(),
      params: { id: contractId },
      cookie: cookies.officerA,
      form: { intent: "save", ...form },
    });
  const plan = (quantities: string[]) =>
    Object.fromEntries(
      quantities.flatMap((q, i) => [
        [`plan[${i}].quarter`, `2026-${i + 1}`],
        [`plan[${i}].quantity`, q],
      ]),
    );

  it("offers the quarters of the term and only measures in use", async () => {
    const data = await jsonOf<{ quarters: { key: string; label: string }[]; measures: { code: string }[] }>(
      await callLoader(addCommitmentLoader, {
        path: path(),
        params: { id: contractId },
        cookie: cookies.officerA,
      }),
    );
    expect(data.quarters.map((q) => q.label)).toEqual([
      "Q1 2026/27",
      "Q2 2026/27",
      "Q3 2026/27",
      "Q4 2026/27",
    ]);
    expect(data.measures.map((m) => m.code)).not.toContain("OLD-01");
  });

  it("adds a commitment whose plan adds up, and refuses one that does not", async () => {
    const bad = await addCommitment({
      measureId: measures.hours,
      targetQuantity: "100",
      ...plan(["25", "25", "25", ""]),
    });
    expect(bad.status).toBe(400);
    expect((await jsonOf<Reply>(bad)).error!.plan).toEqual([
      "The quarterly plan adds up to 75 hours but the target is 100 hours: they must be equal",
    ]);
    const good = await addCommitment({
      measureId: measures.hours,
      targetQuantity: "100",
      ...plan(["25", "25", "25", "25"]),
    });
    expect(good.status).toBe(302);
    const commitment = await db.commitment.findFirstOrThrow({
      where: { contractId },
      include: { plan: true },
    });
    expect(commitment.plan).toHaveLength(4);
  });

  it("refuses a retired measure, a duplicate measure, and words on a numeric measure", async () => {
    const cases = [
      [{ measureId: measures.retired, targetQuantity: "1", ...plan(["1"]) }, "measureId"],
      [{ measureId: measures.hours, targetQuantity: "4", ...plan(["1", "1", "1", "1"]) }, "measureId"],
      [{ measureId: measures.percent, targetQuantity: "95", qualitativeText: "Words" }, "qualitativeText"],
    ] as const;
    for (const [form, field] of cases) {
      const response = await addCommitment(form);
      expect(response.status).toBe(400);
      expect(Object.keys((await jsonOf<Reply>(response)).error!)).toContain(field);
    }
  });

  it("changes and removes a commitment, with history; delivery records block removal", async () => {
    const words = await addCommitment({ measureId: measures.words, qualitativeText: "Careers fairs" });
    expect(words.status).toBe(302);
    const hours = await db.commitment.findFirstOrThrow({ where: { contractId, measureId: measures.hours } });
    const edit = (commitmentId: string, form: Record<string, string>, cookie = cookies.officerA) =>
      callAction(editCommitmentAction, {
        path: `/contracts/${contractId}/commitments/${commitmentId}`,
        params: { id: contractId, commitmentId },
        cookie,
        form,
      });
    const other = await edit(
      hours.id,
      {
        intent: "save",
        measureId: measures.hours,
        targetQuantity: "1",
        ...plan(["1"]),
        version: hours.updatedAt.toISOString(),
      },
      cookies.officerB,
    );
    expect(other.status).toBe(404);
    const changed = await edit(hours.id, {
      intent: "save",
      measureId: measures.hours,
      targetQuantity: "120",
      narrative: "Raised at the annual review",
      ...plan(["30", "30", "30", "30"]),
      version: hours.updatedAt.toISOString(),
    });
    expect(changed.status).toBe(302);
    expect(
      (await db.commitmentPlan.findMany({ where: { commitmentId: hours.id } })).map((p) =>
        p.targetQuantity.toFixed(0),
      ),
    ).toEqual(["30", "30", "30", "30"]);

    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    });
    await createPledge({
      requestId: request.id,
      supplierOrganisationId: world.supplier.id,
      commitmentId: hours.id,
      status: "CONFIRMED",
      quantity: 7,
    });
    // removing is sent from the page asking first, as read now, naming its version
    const removal = async (id: string) => {
      const { updatedAt } = await db.commitment.findUniqueOrThrow({ where: { id } });
      return callAction(removeCommitmentAction, {
        path: `/contracts/${contractId}/commitments/${id}/remove`,
        params: { id: contractId, commitmentId: id },
        cookie: cookies.officerA,
        form: { version: updatedAt.toISOString() },
      });
    };
    const blocked = await removal(hours.id);
    expect(blocked.status).toBe(400);
    expect(JSON.stringify(await jsonOf(blocked))).toContain("so it cannot be removed");
    const wordsCommitment = await db.commitment.findFirstOrThrow({
      where: { contractId, measureId: measures.words },
    });
    expect((await removal(wordsCommitment.id)).status).toBe(302);
    expect(await db.commitment.count({ where: { contractId } })).toBe(1);

    const page = await jsonOf<{
      history: { what: string; measure: string; changes: { label: string; from: string; to: string }[] }[];
    }>(
      await callLoader(contractLoader, {
        path: `/contracts/${contractId}`,
        params: { id: contractId },
        cookie: cookies.officerA,
      }),
    );
    expect(page.history.map((h) => `${h.what} ${h.measure}`)).toEqual([
      "Commitment removed SOC-04",
      "Commitment changed SOC-01",
      "Commitment added SOC-04",
      "Commitment added SOC-01",
    ]);
    expect(page.history[1]!.changes).toContainEqual({
      field: "targetQuantity",
      label: "Target",
      from: "100.00",
      to: "120.00",
    });
  });
});

describe("finding contracts", () => {
  beforeAll(async () => {
    const base = { councilId: world.councilA.id, supplierOrganisationId: world.otherSupplier.id };
    await createContract({
      ...base,
      reference: "FIND-1",
      title: "Waste collection",
      department: "Environment",
      contractManagerId: world.users.councilAdmin.id,
    });
    await createContract({
      ...base,
      reference: "FIND-2",
      title: "School catering",
      department: "Education",
      status: "PIPELINE",
    });
    await createContract({
      councilId: world.councilB.id,
      supplierOrganisationId: world.supplier.id,
      reference: "B-ONLY",
    });
  });
  type List = { view: string; total: number; contracts: { reference: string }[] };
  const list = async (query: string, cookie = cookies.officerA) =>
    jsonOf<List>(await callLoader(listLoader, { path: `/contracts${query}`, cookie }));
  const refs = (l: List) => l.contracts.map((c) => c.reference);

  it("lists only the officer's council's contracts", async () => {
    const all = await list("");
    expect(all.view).toBe("officer");
    expect(refs(all)).toContain("FIND-1");
    expect(refs(all)).not.toContain("B-ONLY");
    expect(refs(await list("", cookies.officerB))).toEqual(["B-ONLY"]);
  });

  it("filters by department, supplier, manager, status, commitments and searches reference/title", async () => {
    expect(refs(await list("?department=Environment"))).toEqual(["FIND-1"]);
    expect(refs(await list(`?supplier=${world.otherSupplier.id}`))).toEqual(["FIND-1", "FIND-2"]);
    expect(refs(await list(`?manager=${world.users.councilAdmin.id}`))).toEqual(["FIND-1"]);
    expect(refs(await list("?status=PIPELINE"))).toEqual(["FIND-2"]);
    expect(refs(await list("?q=catering"))).toEqual(["FIND-2"]);
    expect(refs(await list("?q=find-1"))).toEqual(["FIND-1"]);
    expect(refs(await list("?commitments=yes"))).toEqual(["COM-1", "NEW-001"]);
    expect(refs(await list("?commitments=no&q=FIND"))).toEqual(["FIND-1", "FIND-2"]);
    expect((await list("?status=NONSENSE&page=abc")).total).toBeGreaterThan(3);
  });

  it("suppliers see only their own contracts, with every council; VCSEs and strangers see none", async () => {
    const mine = await jsonOf<{ view: string; contracts: { reference: string; council: string }[] }>(
      await callLoader(listLoader, { path: "/contracts", cookie: cookies.supplierMember }),
    );
    expect(mine.view).toBe("supplier");
    expect(mine.contracts.map((c) => c.reference).sort()).toEqual(["B-ONLY", "COM-1", "NEW-001"]);
    const theirs = await jsonOf<{ contracts: { reference: string }[] }>(
      await callLoader(listLoader, { path: "/contracts", cookie: cookies.otherSupplierOwner }),
    );
    expect(theirs.contracts.map((c) => c.reference).sort()).toEqual(["FIND-1", "FIND-2"]);
    expect((await callLoader(listLoader, { path: "/contracts", cookie: cookies.vcseOwner })).status).toBe(
      404,
    );
    expect((await callLoader(listLoader, { path: "/contracts" })).status).toBe(302);
  });

  it("a supplier sees target, plan to date and delivery to date on its contract, and no history", async () => {
    const contract = await db.contract.findFirstOrThrow({ where: { reference: "COM-1" } });
    const params = { id: contract.id };
    const page = await jsonOf<{
      viewAs: string;
      history: unknown[];
      commitments: {
        measure: { code: string };
        targetQuantity: string;
        progress: { planToDate: string; deliveredToDate: string };
      }[];
    }>(
      await callLoader(contractLoader, {
        path: `/contracts/${contract.id}`,
        params,
        cookie: cookies.supplierOwner,
      }),
    );
    expect(page.viewAs).toBe("supplier");
    expect(page.history).toEqual([]);
    const hours = page.commitments.find((c) => c.measure.code === "SOC-01")!;
    expect(hours.targetQuantity).toBe("120.00");
    // plan to date counts the quarters of 2026/27 that have ended by now
    const ended = ([1, 2, 3, 4] as const).filter((quarter) =>
      hasQuarterEnded({ financialYear: 2026, quarter }, new Date()),
    ).length;
    expect(hours.progress.planToDate).toBe((30 * ended).toFixed(2));
    expect(hours.progress.deliveredToDate).toBe("7.00");
    for (const who of ["otherSupplierOwner", "vcseOwner", "officerB"])
      expect(
        (
          await callLoader(contractLoader, {
            path: `/contracts/${contract.id}`,
            params,
            cookie: cookies[who],
          })
        ).status,
      ).toBe(404);
  });
});

describe("the measure library", () => {
  const form = (overrides: Record<string, string | string[]> = {}) => ({
    code: "job-09",
    name: "Care leavers employed",
    theme: "JOBS",
    unit: "PEOPLE",
    contributingHelpTypes: ["WORK_PLACEMENT"],
    proxyValueGbp: "1,250.50",
    frameworkMapping: "Tackling economic inequality",
    ...overrides,
  });

  it("a council admin adds a measure; codes are unique; officers may look but not change", async () => {
    const added = await callAction(newMeasureAction, {
      path: "/council/measures/new",
      cookie: cookies.councilAdmin,
      form: form(),
    });
    expect(added.status).toBe(302);
    const measure = await db.measure.findFirstOrThrow({
      where: { councilId: world.councilA.id, code: "JOB-09" },
    });
    expect(measure.contributingHelpTypes).toEqual(["WORK_PLACEMENT"]);
    expect(measure.proxyValueGbp!.toFixed(2)).toBe("1250.50");
    // the code for another measure (the same form sent again would be a double submit, answered as the first
    // was: contracts-measures-sent-twice.test.ts)
    const again = await callAction(newMeasureAction, {
      path: "/council/measures/new",
      cookie: cookies.councilAdmin,
      form: form({ name: "Apprentices from the district" }),
    });
    expect(again.status).toBe(400);
    expect((await jsonOf<Reply>(again)).error!.code).toEqual(["Another measure already uses this code"]);
    const officer = await callAction(newMeasureAction, {
      path: "/council/measures/new",
      cookie: cookies.officerA,
      form: form({ code: "X-1" }),
    });
    // a member of the council is told the form needs the administrator role (403), and nothing is added
    expect(officer.status).toBe(403);
    expect(await db.measure.count({ where: { councilId: world.councilA.id, code: "X-1" } })).toBe(0);
    const seen = await jsonOf<{ canManage: boolean; measures: { code: string }[] }>(
      await callLoader(measuresLoader, { path: "/council/measures", cookie: cookies.officerA }),
    );
    expect(seen.canManage).toBe(false);
    expect(seen.measures.map((m) => m.code)).toContain("JOB-09");
    expect(
      (await callLoader(measuresLoader, { path: "/council/measures", cookie: cookies.supplierOwner })).status,
    ).toBe(404);
  });

  it("retires and reinstates; a unit in use cannot change; other councils get 404", async () => {
    const path = `/council/measures/${measures.hours}`;
    const params = { id: measures.hours };
    const unit = await callAction(measureAction, {
      path,
      params,
      cookie: cookies.councilAdmin,
      form: form({
        code: "SOC-01",
        unit: "COUNT",
        contributingHelpTypes: [],
        version: (
          await db.measure.findUniqueOrThrow({ where: { id: measures.hours } })
        ).updatedAt.toISOString(),
      }),
    });
    expect(unit.status).toBe(400);
    expect((await jsonOf<Reply>(unit)).error!.unit![0]).toMatch(/cannot change/);
    const retire = await callAction(measureAction, {
      path,
      params,
      cookie: cookies.councilAdmin,
      form: { intent: "retire" },
    });
    expect(retire.status).toBe(302);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measures.hours } })).retiredAt).not.toBeNull();
    expect(await db.commitment.count({ where: { measureId: measures.hours } })).toBeGreaterThan(0);
    await callAction(measureAction, {
      path,
      params,
      cookie: cookies.councilAdmin,
      form: { intent: "reinstate" },
    });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measures.hours } })).retiredAt).toBeNull();
    const otherAdmin = await callAction(measureAction, {
      path,
      params,
      cookie: cookies.officerB,
      form: { intent: "retire" },
    });
    expect(otherAdmin.status).toBe(404);
    expect((await db.measure.findUniqueOrThrow({ where: { id: measures.hours } })).retiredAt).toBeNull();
  });
});
