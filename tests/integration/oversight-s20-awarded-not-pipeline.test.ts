// "Contracts awarded in the last 12 months" counted a contract still in the pipeline when it held an award date
// (a tender's expected date), while "no award date recorded" rightly leaves pipeline contracts out: a contract not
// yet awarded is neither. The figure and the contracts list it links to now leave them out alike.
import { beforeAll, describe, expect, it } from "vitest";
import { awardedWithCommitments } from "~/domain/reporting/dashboard-council.server.ts";
import { awardedContractsList, createAwardedWorld } from "./oversight-world.ts";

let w: Awaited<ReturnType<typeof createAwardedWorld>>;
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  w = await createAwardedWorld();
  const awardedOn = new Date(Date.now() - 30 * day);
  await w.contract({ reference: "AWARDED-1", status: "ACTIVE", awardedOn });
  await w.contract({ reference: "TENDER-1", status: "PIPELINE", awardedOn });
});

describe("contracts awarded in the last 12 months", () => {
  it("leave out a pipeline contract with an award date, on the dashboard and in the list it links to", async () => {
    const awarded = await awardedWithCommitments(w.council.id, new Date());
    expect(awarded.total).toBe(1);
    const list = await awardedContractsList(w.cookie, awarded.since);
    expect(list.total).toBe(1);
    expect(list.contracts.map((c) => c.reference)).toEqual(["AWARDED-1"]);
  });
});
