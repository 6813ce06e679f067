// The edit page of a commitment that has been removed (its link opened again, or its form sent after a colleague
// removed it) answered a plain "Page not found", while its removal page says it has already been removed (410
// Gone). The edit page now says the same; one that never was, or another council's, is still not found.
import { beforeAll, describe, expect, it } from "vitest";
import {
  action as editAction,
  loader as editLoader,
} from "~/routes/contracts.$id.commitments.$commitmentId.tsx";
import { action as removeAction } from "~/routes/contracts.$id.commitments.$commitmentId_.remove.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officer: string;
let contractId: string;
let commitmentId: string;
let version: string;
let code: string;

beforeAll(async () => {
  world = await createWorld();
  officer = await sessionCookieFor(world.users.officerA.id);
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
  });
  code = unique("EDGONE").slice(0, 20);
  const measure = await createMeasure({ councilId: world.councilA.id, code, name: "Hours", unit: "HOURS" });
  const commitment = await createCommitment({
    contractId: contract.id,
    measureId: measure.id,
    targetQuantity: 10,
  });
  contractId = contract.id;
  commitmentId = commitment.id;
  version = commitment.updatedAt.toISOString();
  const removed = await callAction(removeAction, {
    path: `/contracts/${contractId}/commitments/${commitmentId}/remove`,
    params: { id: contractId, commitmentId },
    form: { version },
    cookie: officer,
  });
  expect(removed.status).toBe(302);
});

const path = () => `/contracts/${contractId}/commitments/${commitmentId}`;
type Gone = { contract: { id: string }; removed: { measure: string | null } };

describe("the edit page of a removed commitment", () => {
  it("opened again, says it has been removed (410 Gone), naming it", async () => {
    const page = await callLoader(editLoader, {
      path: path(),
      params: { id: contractId, commitmentId },
      cookie: officer,
    });
    expect(page.status).toBe(410);
    const data = await jsonOf<Gone>(page);
    expect(data.contract.id).toBe(contractId);
    expect(data.removed.measure).toBe(code);
  });

  it("its form sent after the removal says the same, and saves nothing", async () => {
    const sent = await callAction(editAction, {
      path: path(),
      params: { id: contractId, commitmentId },
      form: {
        intent: "save",
        version,
        targetQuantity: "20",
        "plan[0].quarter": "2025-1",
        "plan[0].quantity": "20",
      },
      cookie: officer,
    });
    expect(sent.status).toBe(410);
    expect((await jsonOf<Gone>(sent)).removed.measure).toBe(code);
  });

  it("is still not found for a commitment that never was, and for another council's officer", async () => {
    const never = await callLoader(editLoader, {
      path: `/contracts/${contractId}/commitments/no-such`,
      params: { id: contractId, commitmentId: "no-such" },
      cookie: officer,
    });
    expect(never.status).toBe(404);
    const other = await sessionCookieFor(world.users.officerB.id);
    const page = await callLoader(editLoader, {
      path: path(),
      params: { id: contractId, commitmentId },
      cookie: other,
    });
    expect(page.status).toBe(404);
    const sent = await callAction(editAction, {
      path: path(),
      params: { id: contractId, commitmentId },
      form: { intent: "save", version, targetQuantity: "20" },
      cookie: other,
    });
    expect(sent.status).toBe(404);
  });
});
