// A commitment form with a field's own problem (a note too long, a figure mistyped) and a broken commitment rule (a
// plan not adding up to the target, no words for a qualitative measure) tells both at once. Before, the rules were
// checked only once the fields were right: the officer fixed the note, sent the form again, and only then heard the
// plan was short. A rule read from an answer that could not be read is not told ("enter the target" for a target
// typed wrongly).
import { beforeAll, describe, expect, it } from "vitest";
import { commitmentSchemaFor, withCommitmentRules } from "~/domain/contracts/schemas.ts";
import {
  createCommitment,
  createContract,
  createMeasure,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { planBoxes2026 as plan } from "../helpers/contract-forms.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

const addPage = await import("~/routes/contracts.$id.commitments.new/route.tsx");
const editPage = await import("~/routes/contracts.$id.commitments.$commitmentId.tsx");

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;
let contractId: string;

beforeAll(async () => {
  world = await createWorld();
  cookie = await sessionCookieFor(world.users.officerA.id);
  contractId = (
    await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: world.supplier.id,
      startDate: new Date("2026-04-01"),
      endDate: new Date("2027-03-31"),
    })
  ).id;
});

const TOO_LONG = "x".repeat(2001);
const PLAN_SHORT = "The quarterly plan adds up to 30 hours but the target is 100 hours: they must be equal";

async function problemsOf(reply: Response) {
  expect(reply.status).toBe(400);
  return ((await jsonOf(reply)) as { error: Record<string, string[] | null> }).error;
}

describe("adding a commitment", () => {
  it("tells a note too long and a plan short of the target together", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
    const reply = await callAction(addPage.action, {
      path: `/contracts/${contractId}/commitments/new`,
      params: { id: contractId },
      cookie,
      form: { measureId: measure.id, targetQuantity: "100", narrative: TOO_LONG, ...plan("10", "10", "10") },
    });
    const problems = await problemsOf(reply);
    expect(problems.narrative?.[0]).toMatch(/2,?000 characters or fewer/);
    expect(problems.plan).toEqual([PLAN_SHORT]);
  });

  it("tells a qualitative measure's missing words with the note's problem", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, unit: "QUALITATIVE" });
    const reply = await callAction(addPage.action, {
      path: `/contracts/${contractId}/commitments/new`,
      params: { id: contractId },
      cookie,
      form: { measureId: measure.id, narrative: TOO_LONG },
    });
    const problems = await problemsOf(reply);
    expect(problems.narrative).toHaveLength(1);
    expect(problems.qualitativeText).toEqual(["Describe what the supplier has committed to"]);
  });

  it("does not tell a rule about an answer it could not read", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
    const reply = await callAction(addPage.action, {
      path: `/contracts/${contractId}/commitments/new`,
      params: { id: contractId },
      cookie,
      form: { measureId: measure.id, targetQuantity: "lots", ...plan("10", "ten", "10") },
    });
    const problems = await problemsOf(reply);
    // the target's and the second quarter's own problems, and no "enter the target" or plan total read without them
    expect(problems.targetQuantity).toEqual([expect.stringMatching(/^Enter the target as a number/)]);
    expect(problems["plan[1].quantity"]).toHaveLength(1);
    expect(problems.plan ?? []).toEqual([]);
  });
});

describe("changing a commitment", () => {
  it("tells a note too long and a plan short of the target together", async () => {
    const measure = await createMeasure({ councilId: world.councilA.id, unit: "HOURS" });
    const commitment = await createCommitment({ contractId, measureId: measure.id, targetQuantity: 100 });
    const reply = await callAction(editPage.action, {
      path: `/contracts/${contractId}/commitments/${commitment.id}`,
      params: { id: contractId, commitmentId: commitment.id },
      cookie,
      form: {
        intent: "save",
        version: commitment.updatedAt.toISOString(),
        measureId: measure.id,
        targetQuantity: "100",
        narrative: TOO_LONG,
        ...plan("10", "10", "10"),
      },
    });
    const problems = await problemsOf(reply);
    expect(problems.narrative).toHaveLength(1);
    expect(problems.plan).toEqual([PLAN_SHORT]);
  });
});

describe("the form's schema, as the browser checks it", () => {
  const schema = withCommitmentRules(commitmentSchemaFor("HOURS"), "HOURS");
  const entries = (...quantities: string[]) =>
    quantities.map((quantity, i) => ({ quarter: `2026-${i + 1}`, quantity }));

  it("accepts a commitment whose plan adds up to its target", () => {
    const read = schema.safeParse({ measureId: "m", targetQuantity: "30", plan: entries("10", "10", "10") });
    expect(read.success).toBe(true);
  });

  it("refuses one whose plan does not, with the same words as the save", () => {
    const read = schema.safeParse({ measureId: "m", targetQuantity: "100", plan: entries("10", "10", "10") });
    expect(read.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["plan", PLAN_SHORT],
    ]);
  });

  it("checks no rule while no measure is chosen", () => {
    const unchosen = withCommitmentRules(commitmentSchemaFor(null), null);
    expect(unchosen.safeParse({ measureId: "m", targetQuantity: "100" }).success).toBe(true);
  });
});
