// A return saved just as an officer removes one of its contract's commitments: the page checked the form against
// the commitments it read, the officer's removal committed before the save reached the database, and the save
// then stored a line for a commitment that was gone, a foreign-key failure answered with a 500. It is now refused
// as a form out of date, saving nothing, and the supplier reloads to see the return as it now is.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { returnLineSpecs } from "~/domain/reporting/returns-queries.server.ts";
import { FORM_OUT_OF_DATE, returnFormSchema } from "~/domain/reporting/returns-schema.ts";
import { saveReturn } from "~/domain/reporting/returns.server.ts";
import { createReturnsWorld } from "./returns-world.ts";

describe("a return saved as one of its commitments is removed", () => {
  it("is refused as out of date, with nothing saved, rather than failing", async () => {
    const w = await createReturnsWorld();
    const access = { kind: "SUPPLIER" as const, organisationId: w.supplier.id };
    // what the page read and checked the form against
    const { specs } = (await returnLineSpecs(w.kpiReturn.id, access))!;
    const value = returnFormSchema(specs).parse({
      intent: "save",
      lines: [
        { commitmentId: w.hoursCommitment.id, quantity: "12" },
        { commitmentId: w.eventsCommitment.id, narrative: "Two open days" },
      ],
    });
    // the officer's removal lands first
    await db.commitment.delete({ where: { id: w.eventsCommitment.id } });

    const result = await saveReturn({
      returnId: w.kpiReturn.id,
      supplierOrganisationId: w.supplier.id,
      specs,
      value,
      actorUserId: w.users.supplierOwner.id,
      ipAddress: null,
    });
    expect(result).toEqual({ ok: false, formError: FORM_OUT_OF_DATE });
    expect(await db.kpiReturnLine.count({ where: { returnId: w.kpiReturn.id } })).toBe(0);
    expect((await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } })).status).toBe(
      "NOT_STARTED",
    );
  });
});
