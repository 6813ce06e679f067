// Two officers open the same edit form; the first saves. The second's save, sent from a form read before that,
// is refused with what is saved now beside their answers, instead of silently overwriting the first's change.
// A save that names no version it was read from (a crafted request, a page cached from before) is refused too.
import { beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "~/db.server.ts";
import { applyImport } from "~/domain/contracts/import.server.ts";
import {
  action as commitmentAction,
  loader as commitmentLoader,
} from "~/routes/contracts.$id.commitments.$commitmentId.tsx";
import {
  action as removeAction,
  loader as removeLoader,
} from "~/routes/contracts.$id.commitments.$commitmentId_.remove.tsx";
import { action as editAction, loader as editLoader } from "~/routes/contracts.$id.edit.tsx";
import { editState } from "~/routes/contracts.new/stale-edit.tsx";
import { HIDDEN_SENT_TWICE } from "~/server/parse-form.server.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorldSignedInAs,
  type World,
} from "../helpers/factories.ts";
import { untilWaitingForLocks } from "../helpers/lock-waiters.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { createYearContract } from "./contracts-world.ts";

let world: World;
let cookie: string;

beforeAll(async () => {
  ({ world, cookie } = await createWorldSignedInAs("officerA"));
});

type Stale = {
  error?: Record<string, string[]>;
  stale: {
    version: string;
    differences: { field: string; label: string; saved: string | null; yours: string | null }[];
  };
};

type Refused = { error: Record<string, string[]>; initialValue: Record<string, unknown> };

/** What the page asking "remove this commitment?" answers a removal it refuses. */
type RemovalRefused = { problem: "stale" | "refused"; message: string };

/** The contract's edit form as an officer gets it, and its save with some answers changed. */
async function readContractForm(contractId: string) {
  const params = { id: contractId };
  const path = `/contracts/${contractId}/edit`;
  const { contract: read } = await jsonOf<{ contract: Record<string, string | null> }>(
    await callLoader(editLoader, { path, params, cookie }),
  );
  const form = (changes: Record<string, string>) => ({
    reference: read.reference!,
    title: read.title!,
    supplierOrganisationId: read.supplierOrganisationId!,
    department: read.department!,
    contractManagerId: read.contractManagerId ?? "",
    valueGbp: read.valueGbp!,
    awardedOn: read.awardedOn ?? "",
    startDate: read.startDate!,
    endDate: read.endDate!,
    planReference: read.planReference ?? "",
    status: read.status!,
    version: read.version!,
    ...changes,
  });
  const save = (values: Record<string, string | string[]>) =>
    callAction(editAction, { path, params, cookie, form: values });
  return { read, form, save };
}

/** Everything a refused edit must leave as it was: the row (its version too) and the contract's history. */
const contractState = async (id: string) => ({
  row: await db.contract.findUniqueOrThrow({ where: { id } }),
  history: await db.auditLog.count({ where: { entityId: id } }),
});

/** A contract of council A's, as both officers find it before either saves. */
const createLibraryContract = () =>
  createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    title: "Library refurbishment",
    department: "Communities",
  });

describe("a contract edited from a stale form", () => {
  it("refuses the second save, keeps the first, shows both, and saves once the user saves again", async () => {
    const contract = await createLibraryContract();
    // the form as both officers got it
    const { read, form, save } = await readContractForm(contract.id);
    expect(read.version).toMatch(/^\d{4}-/);

    const first = await save(form({ title: "Central library" }));
    expect(first.status).toBe(302);
    const second = await save(form({ department: "Culture and Leisure" }));
    expect(second.status).toBe(409);
    const body = await jsonOf<Stale>(second);
    expect(JSON.stringify(body.error)).toContain(
      "Someone else changed this contract while you were editing. Their changes are shown, yours are kept below",
    );
    expect(body.stale.differences).toEqual([
      { field: "title", label: "Title", saved: "Central library", yours: "Library refurbishment" },
      {
        field: "department",
        label: "Department or service",
        saved: "Communities",
        yours: "Culture and Leisure",
      },
    ]);
    const stored = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(stored).toMatchObject({ title: "Central library", department: "Communities" });

    // having checked, the user saves again from the refused page, which carries the new version
    const again = await save(
      form({ title: "Central library", department: "Culture and Leisure", version: body.stale.version }),
    );
    expect(again.status).toBe(302);
    expect(await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({
      title: "Central library",
      department: "Culture and Leisure",
    });
  });
});

/** A commitment of 40 hours over four quarters, on a contract of its own. */
async function createHoursCommitment() {
  const contract = await createYearContract(world);
  const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
  return createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 40,
    plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2026, quarter, targetQuantity: 10 })),
  });
}

/** The commitment's edit form as an officer gets it, and its save with a note. */
async function readCommitmentForm(commitment: { id: string; contractId: string; measureId: string }) {
  const params = { id: commitment.contractId, commitmentId: commitment.id };
  const path = `/contracts/${commitment.contractId}/commitments/${commitment.id}`;
  const read = await jsonOf<{ quarters: { key: string }[]; commitment: { version: string } }>(
    await callLoader(commitmentLoader, { path, params, cookie }),
  );
  const form = (narrative: string) => {
    const values: Record<string, string> = {
      intent: "save",
      measureId: commitment.measureId,
      targetQuantity: "40",
      narrative,
      version: read.commitment.version,
    };
    read.quarters.forEach((q, i) => {
      values[`plan[${i}].quarter`] = q.key;
      values[`plan[${i}].quantity`] = "10";
    });
    return values;
  };
  const save = (values: Record<string, string>) =>
    callAction(commitmentAction, { path, params, cookie, form: values });
  /** "Yes, remove" on the page asking first, sent with the version this form was read at (or what is given) */
  const remove = (values: Record<string, string> = { version: read.commitment.version }) =>
    callAction(removeAction, { path: `${path}/remove`, params, cookie, form: values });
  return { form, save, remove, version: read.commitment.version };
}

/** The version the page asking "remove this commitment?" shows now. */
async function removalPageVersion(commitment: { id: string; contractId: string }) {
  const path = `/contracts/${commitment.contractId}/commitments/${commitment.id}/remove`;
  const params = { id: commitment.contractId, commitmentId: commitment.id };
  const read = await jsonOf<{ commitment: { version: string } }>(
    await callLoader(removeLoader, { path, params, cookie }),
  );
  return read.commitment.version;
}

describe("a commitment edited from a stale form", () => {
  it("refuses the second save and keeps the first", async () => {
    const commitment = await createHoursCommitment();
    const { form, save } = await readCommitmentForm(commitment);
    expect((await save(form("First note"))).status).toBe(302);
    const second = await save(form("Second note"));
    expect(second.status).toBe(409);
    const body = await jsonOf<Stale>(second);
    expect(JSON.stringify(body.error)).toContain(
      "Someone else changed this commitment while you were editing",
    );
    expect(body.stale.differences).toEqual([
      { field: "narrative", label: "Narrative", saved: "First note", yours: "Second note" },
    ]);
    expect((await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).narrative).toBe(
      "First note",
    );
  });
});

describe("an edit that names no version it was read from", () => {
  const missing =
    /^Your changes were not saved: the form did not say which version of the (contract|commitment)/;

  it("is refused for a contract, as a problem with the whole form, keeping the answers and changing nothing", async () => {
    const contract = await createLibraryContract();
    const { form, save } = await readContractForm(contract.id);
    const before = await contractState(contract.id);
    const { version: read, ...blind } = form({ title: "Overwritten blind" });
    // none, or one that is not a version this portal gives out (sent twice, cut short, a date, far too long)
    for (const version of [
      undefined,
      "",
      ["2026-01-01T00:00:00.000Z", read],
      read.slice(0, 10),
      "x".repeat(5000),
    ]) {
      const response = await save(version === undefined ? blind : { ...blind, version });
      expect(response.status).toBe(400);
      const reply = await jsonOf<Refused>(response);
      // two versions sent: the form as a whole is refused as sent twice (decision 038)
      const refusal = Array.isArray(version) ? HIDDEN_SENT_TWICE : expect.stringMatching(missing);
      expect(reply.error).toEqual({ "": [refusal] });
      expect(reply.initialValue.title).toBe("Overwritten blind");
    }
    // shown beside any other problem: a form fixed and sent again cannot slip through without it
    const alsoWrong = await jsonOf<Refused>(await save({ ...blind, title: "" }));
    expect(Object.keys(alsoWrong.error).sort()).toEqual(["", "title"]);
    expect(await contractState(contract.id)).toEqual(before);
    // the same answers from the form as read save as usual
    expect((await save(form({ title: "Overwritten blind" }))).status).toBe(302);
  });

  it("is refused for a commitment, changing neither it nor its plan", async () => {
    const commitment = await createHoursCommitment();
    const { form, save, remove } = await readCommitmentForm(commitment);
    const state = async () => ({
      row: await db.commitment.findUniqueOrThrow({ where: { id: commitment.id }, include: { plan: true } }),
      history: await db.auditLog.count({ where: { entityId: commitment.contractId } }),
    });
    const before = await state();
    const { version: _version, ...blind } = form("Overwritten blind");
    for (const values of [blind, { ...blind, version: "last Tuesday" }]) {
      const response = await save(values);
      expect(response.status).toBe(400);
      const reply = await jsonOf<Refused>(response);
      expect(reply.error).toEqual({ "": [expect.stringMatching(missing)] });
      expect(reply.initialValue.narrative).toBe("Overwritten blind");
    }
    expect(await state()).toEqual(before);
    // removing, on the page asking first, is refused without a version too
    const unversioned: Record<string, string>[] = [{}, { version: "last Tuesday" }];
    for (const values of unversioned) {
      const removal = await remove(values);
      expect(removal.status).toBe(400);
      expect(await jsonOf<RemovalRefused>(removal)).toEqual({
        problem: "refused",
        message: expect.stringMatching(/^The commitment was not removed: the page did not say which version/),
      });
    }
    expect(await state()).toEqual(before);
    expect((await remove()).status).toBe(302);
    expect(await db.commitment.findUnique({ where: { id: commitment.id } })).toBeNull();
  });
});

describe("the CSV import, which changes contracts without an edit form", () => {
  const HEADER =
    "contract_reference,contract_title,supplier_company_number,supplier_name,department,contract_manager_email,value_gbp,awarded_on,start_date,end_date,plan_reference,status,measure_code,target_quantity,delivery_plan,qualitative_commitment,narrative";
  const file = (title: string) =>
    `${HEADER}\nVER-1,${title},${world.supplier.companyNumber},,Resources,,1000,,2026-04-01,2027-03-31,,Active,,,,,\n`;
  const actor = () => ({
    councilId: world.councilA.id,
    actorUserId: world.users.officerA.id,
    ipAddress: null,
  });

  it("needs no version; a re-import that changes nothing leaves forms current, one that changes the contract does not", async () => {
    expect((await applyImport(actor(), file("Works"))).ok).toBe(true);
    const { id } = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: "VER-1" },
    });
    const readBefore = await readContractForm(id);
    expect((await applyImport(actor(), file("Works"))).ok).toBe(true);
    expect((await readBefore.save(readBefore.form({ title: "Works by hand" }))).status).toBe(302);

    const readAfter = await readContractForm(id);
    expect((await applyImport(actor(), file("Works"))).ok).toBe(true); // sets the title back
    const refused = await readAfter.save(readAfter.form({ department: "Culture" }));
    expect(refused.status).toBe(409);
    expect((await jsonOf<Stale>(refused)).stale.differences.map((d) => [d.field, d.saved, d.yours])).toEqual([
      ["title", "Works", "Works by hand"],
      ["department", "Resources", "Culture"],
    ]);
    expect(await db.contract.findUniqueOrThrow({ where: { id } })).toMatchObject({
      title: "Works",
      department: "Resources",
    });
  });
});

/** A commitment whose form two officers read: mine, and the colleague's, saved with a note since. */
async function savedByColleagueMeanwhile(note: string) {
  const commitment = await createHoursCommitment();
  const mine = await readCommitmentForm(commitment);
  const colleague = await readCommitmentForm(commitment);
  expect((await colleague.save(colleague.form(note))).status).toBe(302);
  return { commitment, mine };
}

// A save refused for a problem with its answers is shown again with them, on a page whose data is read again. The
// form must go on carrying the version those answers were based on: carrying the one read again would let a
// colleague's save made meanwhile be overwritten unseen by the next save.
describe("an edit refused for its answers while a colleague saves", () => {
  it("keeps the contract's version the answers were based on, so the next save shows the colleague's change", async () => {
    const contract = await createLibraryContract();
    const mine = await readContractForm(contract.id);
    const colleague = await readContractForm(contract.id);
    expect((await colleague.save(colleague.form({ department: "Culture" }))).status).toBe(302);

    const refused = await mine.save(mine.form({ title: "", planReference: "PM3-1" }));
    expect(refused.status).toBe(400);
    const reply = await jsonOf<Refused>(refused);
    expect(Object.keys(reply.error)).toEqual(["title"]);
    expect(reply.initialValue).toMatchObject({ planReference: "PM3-1", version: mine.read.version });
    // the page as shown with the reply: its data read again holds the colleague's version, its form carries mine
    const { read: reread } = await readContractForm(contract.id);
    expect(reread.version).not.toBe(mine.read.version);
    const shown = editState(reply, reread.version!);
    expect(shown).toEqual({ stale: null, version: mine.read.version });

    const again = await mine.save(mine.form({ title: "Central library", version: shown.version }));
    expect(again.status).toBe(409);
    const body = await jsonOf<Stale & Refused>(again);
    expect(body.stale.differences.map((d) => [d.field, d.saved, d.yours])).toEqual([
      ["title", "Library refurbishment", "Central library"],
      ["department", "Culture", "Communities"],
    ]);
    expect(await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).toMatchObject({
      title: "Library refurbishment",
      department: "Culture",
    });
    // having seen the comparison, the form carries the colleague's version and the save goes through
    const seen = editState(body, reread.version!);
    expect(seen.version).toBe(reread.version);
    expect(
      (await mine.save(mine.form({ title: "Central library", department: "Culture", version: seen.version })))
        .status,
    ).toBe(302);
  });

  it("keeps the commitment's version the answers were based on", async () => {
    const { commitment, mine } = await savedByColleagueMeanwhile("Colleague's note");

    const refused = await mine.save({ ...mine.form("My note"), targetQuantity: "lots" });
    expect(refused.status).toBe(400);
    const reply = await jsonOf<Refused>(refused);
    expect(Object.keys(reply.error)).toEqual(["targetQuantity"]);
    const reread = await readCommitmentForm(commitment);
    expect(reread.version).not.toBe(mine.version);
    const shown = editState(reply, reread.version);
    expect(shown.version).toBe(mine.version);

    const again = await mine.save({ ...mine.form("My note"), version: shown.version });
    expect(again.status).toBe(409);
    expect((await jsonOf<Stale>(again)).stale.differences).toEqual([
      { field: "narrative", label: "Narrative", saved: "Colleague's note", yours: "My note" },
    ]);
    expect((await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).narrative).toBe(
      "Colleague's note",
    );
  });

  it("a version that is not one this portal gives out is not kept: the form carries the one read", () => {
    for (const version of [undefined, "", "last Tuesday", 42]) {
      expect(editState({ initialValue: { version } }, "2026-05-01T09:30:00.123Z").version).toBe(
        "2026-05-01T09:30:00.123Z",
      );
    }
  });
});

describe("a commitment removed with answers left half-edited on its form", () => {
  it("is removed: the removal sends only the version, and answers sent with it do not stand in the way", async () => {
    const commitment = await createHoursCommitment();
    const { form, remove } = await readCommitmentForm(commitment);
    const halfEdited = {
      ...form("x".repeat(2001)),
      targetQuantity: "lots",
      "plan[0].quantity": "-3",
      "plan[1].quarter": "next spring",
      measureId: "",
    };
    expect((await remove(halfEdited)).status).toBe(302);
    expect(await db.commitment.findUnique({ where: { id: commitment.id } })).toBeNull();
  });

  it("still needs the version, and is refused after a colleague's change", async () => {
    const { commitment, mine } = await savedByColleagueMeanwhile("Agreed at the review");
    const { version: _version, ...noVersion } = mine.form("");
    const unversioned = await mine.remove({ ...noVersion, targetQuantity: "lots" });
    expect(unversioned.status).toBe(400);
    const refused = await mine.remove({ ...mine.form(""), targetQuantity: "lots" });
    expect(refused.status).toBe(409);
    expect((await jsonOf<RemovalRefused>(refused)).problem).toBe("stale");
    expect(await db.commitment.findUnique({ where: { id: commitment.id } })).not.toBeNull();
  });
});

describe("a commitment removed from a page read before a colleague's change", () => {
  it("is refused, stays, and is removed once asked again from the page as it is now", async () => {
    const { commitment, mine } = await savedByColleagueMeanwhile("Keep this: agreed at the review");

    const refused = await mine.remove();
    expect(refused.status).toBe(409);
    expect(await jsonOf<RemovalRefused>(refused)).toEqual({
      problem: "stale",
      message: expect.stringContaining(
        "Someone else changed this commitment after you opened this page, so it has not been removed",
      ),
    });
    const stored = await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } });
    expect(stored.narrative).toBe("Keep this: agreed at the review");

    // the page is read again after the refusal and shows the version now saved: removing again goes through
    const version = await removalPageVersion(commitment);
    expect(version).toBe(stored.updatedAt.toISOString());
    expect(version).not.toBe(mine.version);
    expect((await mine.remove({ version })).status).toBe(302);
    expect(await db.commitment.findUnique({ where: { id: commitment.id } })).toBeNull();
  });
});

/** Runs a colleague's write in a transaction that holds the row until `send` has checked its own save against the
 * row and waits to write it: the colleague's save lands while this one is being checked. */
async function landingWhileChecked(write: (tx: Tx) => Promise<unknown>, send: () => Promise<Response>) {
  let sent: Promise<Response> | undefined;
  await db.$transaction(
    async (tx) => {
      await write(tx);
      sent = send();
      await untilWaitingForLocks();
    },
    { timeout: 20_000 },
  );
  return sent!;
}

describe("a colleague's save landing while an edit is being checked", () => {
  it("refuses the contract edit with the comparison and the answers kept, not a bare reload", async () => {
    const contract = await createLibraryContract();
    const mine = await readContractForm(contract.id);
    const response = await landingWhileChecked(
      (tx) => tx.contract.update({ where: { id: contract.id }, data: { title: "Central library" } }),
      () => mine.save(mine.form({ department: "Culture" })),
    );
    expect(response.status).toBe(409);
    const body = await jsonOf<Stale & Refused>(response);
    expect(JSON.stringify(body.error)).not.toContain("Reload");
    expect(body.initialValue.department).toBe("Culture");
    expect(body.stale.differences.map((d) => [d.field, d.saved, d.yours])).toEqual([
      ["title", "Central library", "Library refurbishment"],
      ["department", mine.read.department, "Culture"],
    ]);
    const stored = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(body.stale.version).toBe(stored.updatedAt.toISOString());
    expect(stored).toMatchObject({ title: "Central library", department: mine.read.department });
  });

  it("refuses the commitment edit the same way, and its removal", async () => {
    const commitment = await createHoursCommitment();
    const mine = await readCommitmentForm(commitment);
    const colleague = (narrative: string) => (tx: Tx) =>
      tx.commitment.update({ where: { id: commitment.id }, data: { narrative } });
    const edited = await landingWhileChecked(colleague("Theirs"), () => mine.save(mine.form("Mine")));
    expect(edited.status).toBe(409);
    expect((await jsonOf<Stale>(edited)).stale.differences).toEqual([
      { field: "narrative", label: "Narrative", saved: "Theirs", yours: "Mine" },
    ]);

    const current = await readCommitmentForm(commitment);
    const removed = await landingWhileChecked(colleague("Theirs again"), () => current.remove());
    expect(removed.status).toBe(409);
    expect((await jsonOf<RemovalRefused>(removed)).problem).toBe("stale");
    expect((await db.commitment.findUniqueOrThrow({ where: { id: commitment.id } })).narrative).toBe(
      "Theirs again",
    );
  });
});
