// A return queried by an officer other than the contract manager. Sent again, its "Return sent again after your
// query" went to the contract manager, who had not queried it, and nothing to the officer who had; the supplier was
// told "Your contract manager has queried this return", "Query from your contract manager" and, by email, "Your
// contract manager has questions". And a query with a comment on a line only, none on the whole return, left the
// supplier's page "Queried by … on …:" with nothing after the colon.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formatDate } from "~/ui/format.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { action as returnAction } from "~/routes/returns.$id._index/route.tsx";
import { createSubmittedReturnWorld, reviewReturn } from "./returns-review-world.ts";
import { returnForm } from "./returns-world.ts";

type World = Awaited<ReturnType<typeof createSubmittedReturnWorld>>;

beforeAll(() => renderPage("/"));

/** officerA manages the contract; Olu Officer, another officer of the council, queries the return. */
async function queriedByColleague(
  form: (w: World) => Record<string, string> = () => ({ comment: "Please split the hours by site." }),
) {
  const w = await createSubmittedReturnWorld();
  await db.user.update({ where: { id: w.users.officerA.id }, data: { name: "Alex Manager" } });
  const olu = await createMember(w.councilA.id, "OFFICER", { name: "Olu Officer" });
  const queried = await reviewReturn(w, await sessionCookieFor(olu.id), {
    intent: "query",
    submittedAt: w.submittedAt,
    ...form(w),
  });
  expect(queried.status).toBe(302);
  return { w, olu };
}

async function resubmit(w: World) {
  const response = await callAction(returnAction, {
    path: `/returns/${w.kpiReturn.id}`,
    params: { id: w.kpiReturn.id },
    cookie: w.cookies.supplierOwner,
    form: returnForm(w, "submit", { hours: "12", narrative: "A careers fair", declaration: true }),
  });
  expect(response.status).toBe(302);
  // the first submission's notice went out before the query
  const [, ...again] = await db.emailOutbox.findMany({
    where: { template: "returns-submitted", councilId: w.councilA.id },
    orderBy: [{ createdAt: "asc" }, { to: "asc" }],
  });
  return again;
}

const supplierPage = async (w: World) => {
  const response = await renderPage(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
  expect(response.status).toBe(200);
  return readableText(await response.text()).replace(/&#x27;/g, "'");
};

describe("a return queried by an officer who is not its contract manager", () => {
  it("tells the officer who queried it, and the contract manager, that it was sent again", async () => {
    const { w, olu } = await queriedByColleague();
    const again = await resubmit(w);
    expect(again.map((e) => e.to).sort()).toEqual([olu.email, w.users.officerA.email].sort());
    const toOlu = again.find((e) => e.to === olu.email)!;
    expect(toOlu.subject).toBe("Return sent again after your query: NCC-2401 Q1 2026/27");
    const toManager = again.find((e) => e.to === w.users.officerA.email)!;
    expect(toManager.subject).toBe("Return sent again after a query: NCC-2401 Q1 2026/27");
    expect(toManager.text).not.toContain("your query");
  });

  it("tells only the contract manager once the officer who queried it has left the council", async () => {
    const { w, olu } = await queriedByColleague();
    await db.membership.deleteMany({ where: { userId: olu.id } });
    const again = await resubmit(w);
    expect(again.map((e) => e.to)).toEqual([w.users.officerA.email]);
    expect(again[0].subject).toBe("Return sent again after a query: NCC-2401 Q1 2026/27");
  });

  it("tells the council's admins when neither the officer who queried it nor a contract manager can hear", async () => {
    const { w, olu } = await queriedByColleague();
    await db.membership.deleteMany({ where: { userId: olu.id } });
    await db.contract.update({ where: { id: w.contract.id }, data: { contractManagerId: null } });
    const again = await resubmit(w);
    expect(again.map((e) => e.to)).toEqual([w.users.councilAdmin.email]);
  });

  it("tells the supplier the council queried it, naming the officer, not their contract manager", async () => {
    const { w } = await queriedByColleague();
    const [email] = await db.emailOutbox.findMany({
      where: { template: "returns-queried", to: w.users.supplierOwner.email },
    });
    expect(email.text).not.toContain("contract manager");
    expect(email.text).toContain(`Olu Officer at ${w.councilA.name} has questions about your`);
    expect(email.html).toContain(`${w.councilA.name} has queried your return`);

    const text = await supplierPage(w);
    expect(text).not.toContain("contract manager has queried");
    expect(text).toContain("The council has queried this return");
  });

  it("a query on one line only names who made it there, and leaves no sentence hanging", async () => {
    const { w } = await queriedByColleague((w) => ({
      comment: "",
      "lineComments[0].commitmentId": w.hoursCommitment.id,
      "lineComments[0].comment": "Which sites were these hours at?",
      "lineComments[1].commitmentId": w.eventsCommitment.id,
      "lineComments[1].comment": "",
    }));
    const { reviewedAt } = await db.kpiReturn.findUniqueOrThrow({ where: { id: w.kpiReturn.id } });
    const text = await supplierPage(w);
    expect(text).toContain(
      `Queried by Olu Officer on ${formatDate(reviewedAt!.toISOString())}. Read the comments against each commitment below`,
    );
    expect(text).not.toContain(`${formatDate(reviewedAt!.toISOString())}:`);
    expect(text).toMatch(/Query from Olu Officer Which sites were these hours at\?/);
    expect(text).not.toContain("Query from your contract manager");
  });
});
