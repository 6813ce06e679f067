// Two return emails read as if nothing had been queried. The contract manager's "Return submitted for review"
// for a return sent again after their query did not say it answered the query; and the "due soon" reminder for
// a queried return told the supplier "If you have started it, remember to submit it". Both now say so.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { sendReturnReminders } from "~/domain/reporting/returns-jobs.server.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { action as reviewAction } from "~/routes/returns.$id.review.tsx";
import { callAction } from "../helpers/routes.ts";
import { createReturnsWorld, returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createReturnsWorld>>;

const save = (w: World, form: Record<string, string>) =>
  callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form,
  });

async function query(w: World) {
  const { submittedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
  const response = await callAction(reviewAction, {
    path: `/returns/${w.kpiReturn.id}/review`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.officerA,
    form: {
      submittedAt: submittedAt!.toISOString(),
      intent: "query",
      comment: "Please give the hours by site",
    },
  });
  expect(response.status).toBe(302);
}

const submitted = (w: World) =>
  db.emailOutbox.findMany({
    where: { template: "returns-submitted", councilId: w.councilA.id },
    orderBy: { createdAt: "asc" },
  });

describe("emails about a queried return", () => {
  it("tell the contract manager a return sent again answers their query", async () => {
    const w = await createReturnsWorld();
    const answers = { hours: "25", narrative: "One careers fair", declaration: true };
    expect((await save(w, returnForm(w, "submit", answers))).status).toBe(302);
    const [first] = await submitted(w);
    expect(first.subject).toBe("Return submitted for review: NCC-2401 Q1 2026/27");
    expect(first.text).not.toContain("again");

    await query(w);
    expect((await save(w, returnForm(w, "submit", { ...answers, hours: "30" }))).status).toBe(302);
    const [, again] = await submitted(w);
    expect(again.to).toBe(w.users.officerA.email);
    expect(again.subject).toBe("Return sent again after your query: NCC-2401 Q1 2026/27");
    expect(again.text).toContain("again, after it was queried. The review page shows what they changed.");
  });

  it("remind the supplier of a queried return to send the changes asked for", async () => {
    const w = await createReturnsWorld();
    // a due date of its own: the reminder run reads every return in the database
    await db.kpiReturn.update({
      where: { id: w.kpiReturn.id },
      data: { dueDate: new Date("2031-03-17") },
    });
    const answers = { hours: "25", narrative: "One careers fair", declaration: true };
    expect((await save(w, returnForm(w, "submit", answers))).status).toBe(302);
    await query(w);
    await sendReturnReminders(new Date("2031-03-12T07:30:00Z"));
    const reminders = await db.emailOutbox.findMany({
      where: { template: "returns-reminder", councilId: w.councilA.id },
    });
    expect(reminders.length).toBeGreaterThan(0);
    for (const reminder of reminders) {
      expect(reminder.text).toContain(
        "The council queried it: make the changes they asked for and submit it again.",
      );
      expect(reminder.text).not.toContain("If you have started it");
    }
  });
});
