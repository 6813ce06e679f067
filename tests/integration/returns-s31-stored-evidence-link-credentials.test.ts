// An evidence link stored before the return form refused a user name and password in it
// ("https://jo.bloggs:Secret123@files.example.com/...") was still shown, password and all, to everyone who can see
// the return: on the supplier's page and form, the council's page, the review page and the history's list of what
// changed (read from the answers kept with each submission). Each now shows it without them, in the page and in
// the data the page carries.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { withoutCredentials } from "~/domain/reporting/evidence-link.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { createQueriedReturnWorld, createSubmittedReturnWorld } from "./returns-review-world.ts";
import { LINKS_WITH_AN_AT, LINKS_WITH_CREDENTIALS, sendReturn } from "./returns-world.ts";

beforeAll(async () => {
  await renderPage("/");
  // this file's database as it stood before the migration that strips such links and refuses them since
  await db.$executeRawUnsafe(
    `ALTER TABLE "KpiReturnLine" DROP CONSTRAINT "KpiReturnLine_evidenceUrl_without_credentials"`,
  );
});

type World = Awaited<ReturnType<typeof createSubmittedReturnWorld>>;

const FIRST = "https://jo.bloggs:Secret123@files.example.com/hours-q1.pdf";
const FIRST_SHOWN = "https://files.example.com/hours-q1.pdf";
// as a browser reads it: "https://jo.bloggs:Secret456@files.example.com/hours-q1-v2.pdf"
const SECOND = "https:jo.bloggs:Secret456@files.example.com/hours-q1-v2.pdf";
const SECOND_SHOWN = "https://files.example.com/hours-q1-v2.pdf";

/** The link stored as it was before the form refused credentials: on the line, and in each submission's answers. */
async function storeAsBefore(w: World, line: string, submissions: string[]) {
  await db.kpiReturnLine.update({ where: { id: w.hoursLineId }, data: { evidenceUrl: line } });
  const events = await db.kpiReturnEvent.findMany({
    where: { returnId: w.kpiReturn.id, toStatus: "SUBMITTED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, submittedLines: true },
  });
  expect(events).toHaveLength(submissions.length);
  for (const [index, event] of events.entries()) {
    const answers = (event.submittedLines as { commitmentId: string; evidenceUrl: string | null }[]).map(
      (a) => (a.commitmentId === w.hoursCommitment.id ? { ...a, evidenceUrl: submissions[index] } : a),
    );
    await db.kpiReturnEvent.update({ where: { id: event.id }, data: { submittedLines: answers } });
  }
}

/** Every page that shows the return's links: the supplier's, the council's and the review page. */
const pagesOf = (w: World) =>
  [
    [`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner],
    [`/returns/${w.kpiReturn.id}`, w.cookies.officerA],
    [`/returns/${w.kpiReturn.id}/review`, w.cookies.officerA],
  ] as const;

async function page(location: string, cookie: string) {
  const response = await renderPage(location, cookie);
  expect(response.status).toBe(200);
  const html = await response.text();
  // nowhere in the page: not its text, its links, its form or the data it carries for the browser
  for (const secret of ["Secret123", "Secret456", "jo.bloggs"]) expect(html).not.toContain(secret);
  return html;
}

describe("an evidence link stored with a user name and password", () => {
  it("is shown without them on the supplier's, the council's and the review page of a submitted return", async () => {
    const w = await createSubmittedReturnWorld();
    await storeAsBefore(w, FIRST, [FIRST]);
    for (const [location, cookie] of pagesOf(w)) {
      const html = await page(location, cookie);
      expect(html).toContain(`href="${FIRST_SHOWN}"`);
      expect(readableMainText(html)).toContain(FIRST_SHOWN);
    }
  });

  it("is kept out of the supplier's form of a queried return, the council's page of it and its history", async () => {
    const w = await createQueriedReturnWorld();
    await storeAsBefore(w, FIRST, [FIRST]);

    // the supplier's form offers the link without them, and sends it so: the form takes it
    const form = await page(`/returns/${w.kpiReturn.id}`, w.cookies.supplierOwner);
    expect(form).toContain(`value="${FIRST_SHOWN}"`);
    // the council sees the version it queried, read from the answers kept with the submission
    expect(await page(`/returns/${w.kpiReturn.id}`, w.cookies.officerA)).toContain(`href="${FIRST_SHOWN}"`);

    const resubmitted = await sendReturn(w, "submit", {
      hours: "10",
      narrative: "A careers fair",
      evidenceUrl: SECOND_SHOWN,
      declaration: true,
    });
    expect(resubmitted.status).toBe(302);
    // both submissions' answers as they were kept before: each link with its credentials
    await storeAsBefore(w, SECOND, [FIRST, SECOND]);

    for (const [location, cookie] of pagesOf(w)) {
      const html = await page(location, cookie);
      expect(html).toContain(`href="${SECOND_SHOWN}"`);
      // the history's list of what changed in the resubmission: the link before and after
      expect(readableMainText(html)).toContain(`Evidence link ${FIRST_SHOWN} ${SECOND_SHOWN}`);
    }
  });
});

describe("withoutCredentials", () => {
  it.each(LINKS_WITH_CREDENTIALS)("%s is shown as %s", (stored, shown) => {
    expect(withoutCredentials(stored)).toBe(shown);
  });

  it.each(LINKS_WITH_AN_AT)("%s (no user name or password) is shown as stored", (stored) => {
    expect(withoutCredentials(stored)).toBe(stored);
  });

  it("leaves no link as none", () => {
    expect(withoutCredentials(null)).toBeNull();
  });
});
