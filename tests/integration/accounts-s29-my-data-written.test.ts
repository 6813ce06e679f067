// "Download your data" includes what the person wrote and did on the records they worked on, not only the requests
// and pledges they started: the reasons and comments they gave on request, pledge and return timelines, the returns
// they submitted or reviewed, and the evidence they uploaded.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createPledge,
  createRequest,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

async function myData(userId: string) {
  const response = await callLoader(dataLoader, {
    path: "/account/data",
    cookie: await sessionCookieFor(userId),
  });
  return (await response.json()) as Record<string, unknown>;
}

describe("my data", () => {
  it("lists the reasons and comments I wrote and the returns and evidence I worked on", async () => {
    const requestor = world.users.vcseMember;
    const supplier = world.users.supplierMember;
    const officer = world.users.officerA;
    const request = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    });
    await db.requestEvent.create({
      data: {
        requestId: request.id,
        toStatus: "WITHDRAWN",
        actorUserId: requestor.id,
        reason: "Found help locally",
      },
    });
    const pledge = await createPledge({ requestId: request.id, supplierOrganisationId: world.supplier.id });
    await db.pledgeEvent.create({
      data: {
        pledgeId: pledge.id,
        toStatus: "WITHDRAWN",
        actorUserId: supplier.id,
        reason: "Our van broke down",
      },
    });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
    });
    const kpiReturn = await createReturn({ contractId: contract.id, status: "QUERIED" });
    await db.kpiReturn.update({
      where: { id: kpiReturn.id },
      data: {
        submittedById: supplier.id,
        submittedAt: new Date(),
        reviewedById: officer.id,
        reviewedAt: new Date(),
        reviewComment: "Please add the apprentices' start dates",
      },
    });
    await db.kpiReturnEvent.create({
      data: {
        returnId: kpiReturn.id,
        toStatus: "QUERIED",
        actorUserId: officer.id,
        comment: "Start dates missing",
      },
    });
    const measure = await createMeasure({ councilId: world.councilA.id });
    const commitment = await createCommitment({ contractId: contract.id, measureId: measure.id });
    const line = await db.kpiReturnLine.create({
      data: { returnId: kpiReturn.id, commitmentId: commitment.id, quantity: 3 },
    });
    await db.evidenceFile.create({
      data: {
        returnLineId: line.id,
        storageKey: `s29-${line.id}`,
        originalName: "apprentice-register.pdf",
        contentType: "application/pdf",
        sizeBytes: 1234,
        sha256: "0".repeat(64),
        uploadedById: supplier.id,
      },
    });

    const supplierData = JSON.stringify(await myData(supplier.id));
    expect(supplierData).toContain("Our van broke down");
    expect(supplierData).toContain(kpiReturn.id);
    const requestorData = JSON.stringify(await myData(requestor.id));
    expect(requestorData).toContain("Found help locally");
    expect(requestorData).not.toContain("Our van broke down");
    const officerData = JSON.stringify(await myData(officer.id));
    expect(officerData).toContain("Start dates missing");
    expect(officerData).toContain("Please add the apprentices' start dates");
    expect(supplierData).not.toContain("Start dates missing");
    expect(supplierData).toContain("apprentice-register.pdf");
    expect(supplierData).not.toContain(`s29-${line.id}`);
  });
});
