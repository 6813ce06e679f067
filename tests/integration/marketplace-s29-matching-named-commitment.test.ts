// "Requests that fit your open commitments" says which commitment a request counts towards. It named the
// commitment with most target left, though the category's fit was read from any of them: a request for
// "Employment and skills" was put against the supplier's volunteering hours, with "fits your commitment's theme"
// beside it, when the commitment it fits is the jobs one; and the score added the theme of one commitment to the
// target left of another. A request is now put against the commitment that fits it best (theme, then enough
// target left, then most left), scored and explained by that one alone, and named with its contract, as a
// supplier may hold the same measure on several.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as matchingLoader } from "~/routes/matching.tsx";
import {
  createCategory,
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let cookie: string;

beforeAll(async () => {
  world = await createWorld();
  const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
  cookie = await sessionCookieFor((await createMember(supplier.id, "OWNER")).id);
  const volunteering = await createMeasure({
    councilId: world.councilA.id,
    name: "Volunteering hours",
    theme: "SOCIAL",
    contributingHelpTypes: ["VOLUNTEERING", "EXPERTISE"],
  });
  const intoWork = await createMeasure({
    councilId: world.councilA.id,
    name: "Hours supporting young people into work",
    theme: "JOBS",
    contributingHelpTypes: ["EXPERTISE"],
  });
  const highways = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "HW-0001",
    title: "Highways maintenance",
  });
  const careers = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: supplier.id,
    reference: "CS-0002",
    title: "Careers service",
  });
  await createCommitment({ contractId: highways.id, measureId: volunteering.id, targetQuantity: 500 });
  await createCommitment({ contractId: careers.id, measureId: intoWork.id, targetQuantity: 40 });
});

async function reasonsFor(requestId: string) {
  const data = await jsonOf<{ matches: { request: { id: string }; reasons: string[] }[] }>(
    await callLoader(matchingLoader, { path: "/matching", cookie }),
  );
  return data.matches.find((m) => m.request.id === requestId)?.reasons;
}

const expertise = (categoryId: string, quantity: number) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId,
    helpType: "EXPERTISE",
    quantity,
  });

describe("the commitment a matching request is put against", () => {
  it("is the one whose theme fits the request's category, named with its contract", async () => {
    const mentoring = await expertise(
      (await createCategory(world.councilA.id, "Employment and skills")).id,
      30,
    );
    expect((await reasonsFor(mentoring.id))?.slice(0, 3)).toEqual([
      "Counts towards “Hours supporting young people into work” on CS-0002 Careers service",
      "Your commitment has enough target left to cover all of it",
      "Category “Employment and skills” fits your commitment's theme",
    ]);
    await db.request.update({ where: { id: mentoring.id }, data: { status: "WITHDRAWN" } });
  });

  it("does not claim target left that only another commitment has", async () => {
    const big = await expertise((await createCategory(world.councilA.id, "Careers advice")).id, 100);
    const reasons = await reasonsFor(big.id);
    expect(reasons?.[0]).toBe(
      "Counts towards “Hours supporting young people into work” on CS-0002 Careers service",
    );
    expect(reasons).not.toContain("Your commitment has enough target left to cover all of it");
    await db.request.update({ where: { id: big.id }, data: { status: "WITHDRAWN" } });
  });

  it("is the one with most target left when no theme fits, and then it is the one named", async () => {
    const other = await expertise((await createCategory(world.councilA.id, "Arts and heritage")).id, 30);
    const reasons = await reasonsFor(other.id);
    expect(reasons?.[0]).toBe("Counts towards “Volunteering hours” on HW-0001 Highways maintenance");
    expect(reasons).toContain("Your commitment has enough target left to cover all of it");
    expect(reasons?.some((r) => r.includes("fits your commitment's theme"))).toBe(false);
  });
});
