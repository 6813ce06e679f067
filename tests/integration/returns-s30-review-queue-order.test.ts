// A quarter's returns share one due date, so the review queue, ordered by due date alone, listed them in the order
// the quarterly job created them: a return sent weeks ago could sit below one sent this morning. Within a due date
// the queue now lists the longest waiting first, and says when each was submitted.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { loader as listLoader } from "~/routes/returns._index.tsx";
import { createContract, createReturn, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type Queue = { list: { items: { id: string; contractReference: string }[] } };

describe("the council's review queue", () => {
  it("lists the returns due on one day longest waiting first, after those due earlier", async () => {
    const world = await createWorld();
    const submit = async (reference: string, quarter: number, submittedAt: string) => {
      const contract = await createContract({
        councilId: world.councilA.id,
        supplierOrganisationId: world.supplier.id,
        reference,
      });
      const r = await createReturn({ contractId: contract.id, financialYear: 2026, quarter });
      await db.kpiReturn.update({
        where: { id: r.id },
        data: { status: "SUBMITTED", submittedAt: new Date(submittedAt), declarationAccepted: true },
      });
    };
    // created in this order, sent in another
    await submit("Q2-SENT-LAST", 2, "2026-10-20T09:00:00Z");
    await submit("Q2-SENT-FIRST", 2, "2026-10-02T09:00:00Z");
    await submit("Q2-SENT-SECOND", 2, "2026-10-09T09:00:00Z");
    await submit("Q1-SENT-LATE", 1, "2026-10-25T09:00:00Z");
    const cookie = await sessionCookieFor(world.users.officerA.id);

    const queue = await jsonOf<Queue>(
      await callLoader(listLoader, { path: "/returns?queue=review", cookie }),
    );
    expect(queue.list.items.map((r) => r.contractReference)).toEqual([
      "Q1-SENT-LATE",
      "Q2-SENT-FIRST",
      "Q2-SENT-SECOND",
      "Q2-SENT-LAST",
    ]);

    const text = readableMainText(await (await renderPage("/returns?queue=review", cookie)).text());
    expect(text).toContain("Submitted");
    expect(text).toMatch(/Q2-SENT-FIRST.*2 October 2026/);
  });
});
