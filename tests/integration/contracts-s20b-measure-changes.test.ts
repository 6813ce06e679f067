// Changing a measure wrote "measure.update" to the audit log with only its code and name: a proxy value changed
// from £14.50 to £20.00 (which changes every local £ figure reported with it) left no record of the value those
// figures were worked out with before. The entry now lists what changed, from what to what, as a contract's does.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createMeasure } from "../helpers/factories.ts";
import { postPage } from "../helpers/render-page.ts";
import { type ContractsWorld, createContractsWorld, formOf } from "./contracts-world.ts";

let w: ContractsWorld;

beforeAll(async () => {
  w = await createContractsWorld();
});

describe("a measure changed by an admin", () => {
  it("is recorded in the audit log with each field's value before and after", async () => {
    const measure = await createMeasure({
      councilId: w.councilA.id,
      code: "VOL-9",
      name: "Volunteering hours",
      unit: "HOURS",
      contributingHelpTypes: ["VOLUNTEERING"],
      proxyValueGbp: 14.5,
    });
    const response = await postPage(
      `/council/measures/${measure.id}`,
      formOf({
        code: "VOL-9",
        name: "Staff volunteering hours",
        theme: "SOCIAL",
        unit: "HOURS",
        helpText: "",
        frameworkMapping: "",
        contributingHelpTypes: "VOLUNTEERING",
        proxyValueGbp: "20",
        version: measure.updatedAt.toISOString(),
      }),
      w.admin,
    );
    expect(response.status).toBe(302);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { entityId: measure.id, action: "measure.update" },
    });
    expect((entry.details as { changes: object[] }).changes).toEqual([
      { field: "name", label: "Name", from: "Volunteering hours", to: "Staff volunteering hours" },
      { field: "proxyValueGbp", label: "Proxy value in £ per unit", from: "14.50", to: "20.00" },
    ]);
  });
});
