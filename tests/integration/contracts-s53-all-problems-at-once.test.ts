// The contract form told its problems in rounds: a reference another contract uses, a title too long, a value with
// a fraction of a penny, an award after the end and an end before the start were told as the title's, the value's
// and the end date's first, the award date's once the end date was put right, and the reference's only once the
// form had nothing else wrong. One submit now tells every one of them, with the answers kept, when registering a
// contract and when changing one.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as editAction } from "~/routes/contracts.$id.edit.tsx";
import { action as newAction } from "~/routes/contracts.new/route.tsx";
import { AWARDED_AFTER_END } from "~/domain/contracts/schemas.ts";
import { createContract } from "../helpers/factories.ts";
import { contractEditForm, newContractForm } from "../helpers/contract-forms.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { type ContractsWorld, createContractsWorld } from "./contracts-world.ts";

let w: ContractsWorld;
let holder: Awaited<ReturnType<typeof createContract>>;
let mine: Awaited<ReturnType<typeof createContract>>;

beforeAll(async () => {
  w = await createContractsWorld();
  holder = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    reference: "QA-101",
    title: "Library refurbishment",
  });
  mine = await createContract({
    councilId: w.councilA.id,
    supplierOrganisationId: w.supplier.id,
    reference: "QA-202",
    title: "Parks",
  });
});

type Reply = {
  error?: Record<string, string[] | null>;
  initialValue?: Record<string, string>;
  takenBy?: { id: string } | null;
};

// everything QA typed wrong at once
const wrongEverywhere = {
  reference: " qa-101 ",
  title: "T".repeat(600),
  valueGbp: "£1,000,000.999",
  awardedOn: "2027-01-01",
  startDate: "2026-04-01",
  endDate: "2026-03-31",
};

const everyProblem = {
  reference: [
    "Reference QA-101 is already used by ‘Library refurbishment’. Use a different reference or open that contract.",
  ],
  title: ["The contract title must be 200 characters or fewer"],
  valueGbp: ["The contract value can have up to 2 decimal places (pence), for example 250000.50"],
  endDate: ["The end date must be on or after the start date"],
  awardedOn: [AWARDED_AFTER_END],
};

const register = (form: Record<string, string>) =>
  callAction(newAction, { path: "/contracts/new", cookie: w.officer, form });

const change = (form: Record<string, string>) =>
  callAction(editAction, {
    path: `/contracts/${mine.id}/edit`,
    cookie: w.officer,
    params: { id: mine.id },
    form,
  });

describe("registering a contract", () => {
  it("tells every problem in one answer, the reference in use among them, with the answers kept", async () => {
    const response = await register(newContractForm(w.supplier.id, wrongEverywhere));
    expect(response.status).toBe(400);
    const reply = await jsonOf<Reply>(response);
    expect(reply.error).toEqual(everyProblem);
    // the form links to the contract holding the reference
    expect(reply.takenBy?.id).toBe(holder.id);
    expect(reply.initialValue).toMatchObject(wrongEverywhere);
    expect(
      await db.contract.count({ where: { councilId: w.councilA.id, title: wrongEverywhere.title } }),
    ).toBe(0);
  });

  it("does not look a reference up that has a problem of its own, nor call a free one taken", async () => {
    const tooLong = await jsonOf<Reply>(
      await register(newContractForm(w.supplier.id, { ...wrongEverywhere, reference: "Q".repeat(61) })),
    );
    expect(tooLong.error!.reference).toEqual(["The contract reference must be 60 characters or fewer"]);
    expect(tooLong.takenBy).toBeNull();

    const free = await jsonOf<Reply>(
      await register(newContractForm(w.supplier.id, { ...wrongEverywhere, reference: "QA-303" })),
    );
    expect(free.error!.reference).toBeUndefined();
    expect(Object.keys(free.error!).sort()).toEqual(["awardedOn", "endDate", "title", "valueGbp"]);
    expect(free.takenBy).toBeNull();
  });

  it("still tells only the end date when the award date is on or before the start", async () => {
    const reply = await jsonOf<Reply>(
      await register(
        newContractForm(w.supplier.id, {
          reference: "QA-404",
          awardedOn: "2026-03-01",
          startDate: "2026-04-01",
          endDate: "2026-01-01",
        }),
      ),
    );
    expect(reply.error).toEqual({ endDate: everyProblem.endDate });
  });

  it("tells an award after the end whatever the start date's own problem", async () => {
    const reply = await jsonOf<Reply>(
      await register(
        newContractForm(w.supplier.id, {
          reference: "QA-505",
          // in the pipeline, where an award date still to come is no problem: the end date is its only bound
          status: "PIPELINE",
          awardedOn: "2029-01-01",
          startDate: "31/02/2026",
          endDate: "2028-03-31",
        }),
      ),
    );
    expect(reply.error).toEqual({
      startDate: ["Enter a real date, for example 27/03/2027"],
      awardedOn: [AWARDED_AFTER_END],
    });
  });
});

describe("changing a contract", () => {
  it("tells every problem in one answer, the reference in use among them, with the answers kept", async () => {
    const response = await change(contractEditForm(mine, wrongEverywhere));
    expect(response.status).toBe(400);
    const reply = await jsonOf<Reply>(response);
    expect(reply.error).toEqual(everyProblem);
    expect(reply.takenBy?.id).toBe(holder.id);
    expect(reply.initialValue).toMatchObject(wrongEverywhere);
    const unchanged = await db.contract.findUniqueOrThrow({ where: { id: mine.id } });
    expect(unchanged.reference).toBe("QA-202");
    expect(unchanged.updatedAt).toEqual(mine.updatedAt);
  });

  it("does not call the contract's own reference taken", async () => {
    const reply = await jsonOf<Reply>(
      await change(contractEditForm(mine, { ...wrongEverywhere, reference: "qa-202" })),
    );
    expect(reply.error!.reference).toBeUndefined();
    expect(Object.keys(reply.error!).sort()).toEqual(["awardedOn", "endDate", "title", "valueGbp"]);
    expect(reply.takenBy).toBeNull();
  });
});
