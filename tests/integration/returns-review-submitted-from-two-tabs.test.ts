// A return submitted from one tab (or by a colleague) while another tab had different answers typed in: that
// tab's "Submit return" answered "This return was already submitted", a success, and its answers were thrown
// away unsaid, so the supplier believed their figures had been sent. It still changes nothing (a form sent twice
// is harmless), but now says its changes were not saved, unless its answers are the ones sent (a double click).
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { flashOfRedirect } from "../helpers/flash.ts";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

function submit(w: World, cookie: string, values: { hours: string; narrative: string; note?: string }) {
  return callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie,
    form: returnForm(w, "submit", { ...values, declaration: true }),
  });
}
const hoursSent = async (w: World) =>
  (
    await db.kpiReturnLine.findUniqueOrThrow({
      where: { returnId_commitmentId: { returnId: w.kpiReturn.id, commitmentId: w.hoursCommitment.id } },
    })
  ).quantity?.toString();
const notSaved = {
  kind: "error",
  message: expect.stringMatching(/already been submitted, with answers different from yours.*not saved/),
};

describe("a return submitted from another tab with different answers", () => {
  it("changes nothing, and says the changes were not saved", async () => {
    const w = await createReturnsWorld();
    expect((await submit(w, w.cookies.supplierOwner, { hours: "10", narrative: "A fair" })).status).toBe(302);
    const other = await submit(w, w.cookies.supplierMember, { hours: "20", narrative: "A fair" });
    expect(await flashOfRedirect(other)).toEqual(notSaved);
    expect(await hoursSent(w)).toBe("10");
    const values = { hours: "10", narrative: "A fair", note: "Late" };
    expect(await flashOfRedirect(await submit(w, w.cookies.supplierMember, values))).toEqual(notSaved);
    expect(
      await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "SUBMITTED" } }),
    ).toBe(1);
  });

  it("sent at the same moment, one is sent and the other says it was not", async () => {
    const w = await createReturnsWorld();
    const answers = await Promise.all([
      submit(w, w.cookies.supplierOwner, { hours: "10", narrative: "A fair" }),
      submit(w, w.cookies.supplierMember, { hours: "20", narrative: "A fair" }),
    ]);
    const flashes = await Promise.all(answers.map(flashOfRedirect));
    const refused = flashes.findIndex((f) => f?.kind === "error");
    expect(refused).toBeGreaterThanOrEqual(0);
    expect(flashes[refused]).toEqual(notSaved);
    expect(flashes[1 - refused]?.kind).toBe("success");
    expect(await hoursSent(w)).toBe(refused === 1 ? "10" : "20");
    expect(
      await db.kpiReturnEvent.count({ where: { returnId: w.kpiReturn.id, toStatus: "SUBMITTED" } }),
    ).toBe(1);
  });

  it("but the same answers sent again are answered as already submitted", async () => {
    const w = await createReturnsWorld();
    // written as the supplier typed them: "1,250.5" was stored as 1250.50
    const values = { hours: "1,250.5", narrative: "A fair", note: "Term time" };
    expect((await submit(w, w.cookies.supplierOwner, values)).status).toBe(302);
    const again = await submit(w, w.cookies.supplierOwner, values);
    expect(await flashOfRedirect(again)).toEqual({
      kind: "success",
      message: "This return was already submitted",
    });
    expect(await hoursSent(w)).toBe("1250.5");
  });
});
