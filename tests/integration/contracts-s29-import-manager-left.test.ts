// The same file imported again changes nothing, but once a contract's manager had left the council, a file naming
// them (the one that registered the contract, say) was refused: "is not a member of your council". A contract's
// own manager stays on it, as on its edit form; a new contract still cannot be given someone who has left.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createMember } from "../helpers/factories.ts";
import { createImportWorld } from "./contracts-world.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,contract_manager_email,value_gbp,start_date,end_date";

let world: Awaited<ReturnType<typeof createImportWorld>>;
let manager: { id: string; email: string };

beforeAll(async () => {
  world = await createImportWorld();
  manager = await createMember(world.councilA.id, "OFFICER");
});

const file = (reference: string) =>
  [
    HEADER,
    `${reference},Parks upkeep,${world.companyNumber},Parks,${manager.email},5000,2026-04-01,2027-03-31`,
  ].join("\n");

describe("a file naming a contract manager who has since left the council", () => {
  it("imports again unchanged, keeping them on the contract", async () => {
    const actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
    const first = await applyImport(actor, file("ML-1"));
    expect(first.ok).toBe(true);
    await db.membership.deleteMany({ where: { userId: manager.id } });

    const again = await previewImport(world.councilA.id, file("ML-1"));
    expect(again.errors).toEqual([]);
    expect(again.counts).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
    const contract = await db.contract.findFirstOrThrow({
      where: { councilId: world.councilA.id, reference: "ML-1" },
      select: { contractManagerId: true },
    });
    expect(contract.contractManagerId).toBe(manager.id);
  });

  it("still refuses them as the manager of a new contract", async () => {
    const plan = await previewImport(world.councilA.id, file("ML-2"));
    expect(plan.errors).toEqual([
      {
        line: 2,
        column: "contract_manager_email",
        message: `${manager.email} is not a member of your council`,
      },
    ]);
  });
});
