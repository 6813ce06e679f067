// "Contracts awarded in the last 12 months" counted a contract still in the pipeline when it held an award date
// (a tender's expected date), while "no award date recorded" rightly leaves pipeline contracts out: a contract not
// yet awarded is neither. The figure and the contracts list it links to now leave them out alike.
import { beforeAll, describe, expect, it } from "vitest";
import { awardedWithCommitments } from "~/domain/reporting/dashboard-council.server.ts";
import { loader as contractsLoader } from "~/routes/contracts._index.tsx";
import { links } from "~/ui/charts/record-links.ts";
import {
  createContract,
  createCouncil,
  createMember,
  createOrganisation,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let council: Awaited<ReturnType<typeof createCouncil>>;
let cookie: string;
const day = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  council = await createCouncil();
  cookie = await sessionCookieFor((await createMember(council.id, "OFFICER")).id);
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: council.id });
  const contract = (reference: string, status: "ACTIVE" | "PIPELINE") =>
    createContract({
      councilId: council.id,
      supplierOrganisationId: supplier.id,
      reference,
      status,
      awardedOn: new Date(Date.now() - 30 * day),
    });
  await contract("AWARDED-1", "ACTIVE");
  await contract("TENDER-1", "PIPELINE");
});

describe("contracts awarded in the last 12 months", () => {
  it("leave out a pipeline contract with an award date, on the dashboard and in the list it links to", async () => {
    const awarded = await awardedWithCommitments(council.id, new Date());
    expect(awarded.total).toBe(1);
    const since = awarded.since.toISOString().slice(0, 10);
    const list = await jsonOf<{ total: number; contracts: { reference: string }[] }>(
      await callLoader(contractsLoader, { path: links.awardedContracts(since), cookie }),
    );
    expect(list.total).toBe(1);
    expect(list.contracts.map((c) => c.reference)).toEqual(["AWARDED-1"]);
  });
});
