// Every page showing a contract's commitments gives plan to date, delivered to date, the percentage and the
// RAG status (PRODUCT.md §4 and §6), with the percentage taken from the one progress rule (progress.ts).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import type { Progress } from "~/domain/reporting/progress.ts";
import {
  CommitmentProgressTable,
  type CommitmentRow,
} from "~/routes/contracts.$id._index/commitment-progress.tsx";
import { loader as contractLoader } from "~/routes/contracts.$id._index/route.tsx";
import { loader as listLoader } from "~/routes/contracts._index.tsx";
import {
  createCommitment,
  createContract,
  createMeasure,
  createReturn,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let contractId: string;
let supplierCookie: string;

// 2024/25 has ended: 160 hours planned, 120 delivered through accepted returns, so 75% and amber
beforeAll(async () => {
  world = await createWorld();
  supplierCookie = await sessionCookieFor(world.users.supplierOwner.id);
  const hours = await createMeasure({ councilId: world.councilA.id, code: "SOC-01", unit: "HOURS" });
  const words = await createMeasure({ councilId: world.councilA.id, code: "SOC-04", unit: "QUALITATIVE" });
  const contract = await createContract({
    councilId: world.councilA.id,
    supplierOrganisationId: world.supplier.id,
    reference: "PCT-1",
    startDate: new Date("2024-04-01"),
    endDate: new Date("2025-03-31"),
    status: "ENDED",
  });
  contractId = contract.id;
  const commitment = await createCommitment({
    contractId,
    measureId: hours.id,
    targetQuantity: 160,
    plan: [1, 2, 3, 4].map((quarter) => ({ financialYear: 2024, quarter, targetQuantity: 40 })),
  });
  await createCommitment({ contractId, measureId: words.id, qualitativeText: "Two careers fairs" });
  for (const quarter of [1, 2, 3, 4]) {
    const kpiReturn = await createReturn({ contractId, financialYear: 2024, quarter, status: "ACCEPTED" });
    await db.kpiReturnLine.create({
      data: { returnId: kpiReturn.id, commitmentId: commitment.id, quantity: 30 },
    });
  }
});

type Row = CommitmentRow & { measure: { code: string } };

function renderTable(commitments: Row[]) {
  return renderToStaticMarkup(
    createElement(CommitmentProgressTable, { caption: "Commitments", commitments }),
  );
}

function expectFigures(commitments: Row[]) {
  const hours = commitments.find((c) => c.measure.code === "SOC-01")!;
  expect(hours.progress).toMatchObject({
    kind: "numeric",
    planToDate: "160.00",
    deliveredToDate: "120.00",
    percent: 75,
    rag: "AMBER",
  } satisfies Partial<Progress>);
  const html = renderTable(commitments);
  const headers = [...html.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]);
  expect(headers).toEqual([
    "Measure",
    "Commitment",
    "Plan to date",
    "Delivered to date",
    "Percentage",
    "Status",
  ]);
  const hoursRow = html.split("<tr").find((row) => row.includes("SOC-01"))!;
  const cells = [...hoursRow.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]);
  expect(cells).toEqual([
    "160 hours",
    "160 hours",
    "120 hours",
    "75%",
    expect.stringContaining("Slightly behind"),
  ]);
  // a qualitative commitment has no percentage
  const wordsRow = html.split("<tr").find((row) => row.includes("SOC-04"))!;
  expect([...wordsRow.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1])[3]).toBe("–");
}

describe("the percentage of plan delivered", () => {
  it("is on the contract page", async () => {
    const page = await jsonOf<{ commitments: Row[] }>(
      await callLoader(contractLoader, {
        path: `/contracts/${contractId}`,
        params: { id: contractId },
        cookie: supplierCookie,
      }),
    );
    expectFigures(page.commitments);
  });

  it("is on the supplier's list of contracts", async () => {
    const list = await jsonOf<{ contracts: { reference: string; commitments: Row[] }[] }>(
      await callLoader(listLoader, { path: "/contracts", cookie: supplierCookie }),
    );
    expectFigures(list.contracts.find((c) => c.reference === "PCT-1")!.commitments);
  });
});
