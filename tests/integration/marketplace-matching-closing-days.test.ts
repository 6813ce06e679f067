// "Closes within two weeks" counts whole days from today in London, as every date on the portal does: late in
// the evening a request needed 15 days later was counted from the moment of asking (14.1 days, rounded to 14) and
// said to close within two weeks.
import { describe, expect, it } from "vitest";
import { matchingRequests } from "~/domain/marketplace/matching.server.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createRequest,
  createWorld,
} from "../helpers/factories.ts";

describe("how soon a suggested request closes", () => {
  it("is counted in London days, whatever the time of day", async () => {
    const world = await createWorld();
    const measure = await createMeasure({
      councilId: world.councilA.id,
      contributingHelpTypes: ["VOLUNTEERING"],
    });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      startDate: new Date("2036-04-01"),
      endDate: new Date("2038-03-31"),
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 500 });
    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      neededBy: new Date("2036-12-25T00:00:00Z"),
    });
    const reasonsAt = async (moment: string) => {
      const { matches } = await matchingRequests(world.supplier.id, new Date(moment), 25);
      return matches.find((m) => m.request.id === request.id)!.reasons;
    };
    // 15 days from 10 December, in the morning and late in the evening
    for (const moment of ["2036-12-10T08:00:00Z", "2036-12-10T21:30:00Z"]) {
      const reasons = await reasonsAt(moment);
      expect(reasons).toContain("Closes within a month");
      expect(reasons).not.toContain("Closes within two weeks");
    }
    expect(await reasonsAt("2036-12-11T21:30:00Z")).toContain("Closes within two weeks");
  });
});
