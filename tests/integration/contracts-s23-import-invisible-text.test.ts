// The contract form refuses a reference, title or department made only of characters that show nothing (zero-width
// spaces), since a contract so named was listed with an empty link. The CSV import took them: the same file row
// registered the contract the form would have refused. The preview now reports each by its column.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { applyImport, previewImport } from "~/domain/contracts/import.server.ts";
import { createWorld } from "../helpers/factories.ts";

const HEADER =
  "contract_reference,contract_title,supplier_company_number,department,value_gbp,start_date,end_date";
const ZWSP = "\u200B\u200B";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
  await db.organisation.update({ where: { id: world.supplier.id }, data: { companyNumber: "06660123" } });
});

describe("a contracts file with a value that shows nothing", () => {
  it("is refused line by line, naming the column, and nothing is imported", async () => {
    const file = [
      HEADER,
      `${ZWSP},Parks,06660123,Environment,1000,2026-04-01,2027-03-31`,
      `INV-2,${ZWSP},06660123,Environment,1000,2026-04-01,2027-03-31`,
      `INV-3,Parks,06660123,${ZWSP},1000,2026-04-01,2027-03-31`,
      `INV-4,Parks,06660123,Environment,1000,2026-04-01,2027-03-31`,
    ].join("\n");
    const preview = await previewImport(world.councilA.id, file);
    expect(preview.errors).toEqual([
      {
        line: 2,
        column: "contract_reference",
        message: "The contract reference must contain letters, numbers or other characters you can see",
      },
      {
        line: 3,
        column: "contract_title",
        message: "The contract title must contain letters, numbers or other characters you can see",
      },
      {
        line: 4,
        column: "department",
        message: "The department or service must contain letters, numbers or other characters you can see",
      },
    ]);
    const actor = { councilId: world.councilA.id, actorUserId: world.users.officerA.id, ipAddress: null };
    expect((await applyImport(actor, file)).ok).toBe(false);
    expect(await db.contract.count({ where: { councilId: world.councilA.id } })).toBe(0);
  });
});
