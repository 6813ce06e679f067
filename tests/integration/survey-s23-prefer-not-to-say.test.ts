// Issue 7 and PRODUCT.md §5: "Prefer not to say" on every question. Checked on each question page as the business
// gets it: every question asked as a choice offers it, and so does every free-text question but the follow-ups
// written beside a choice that offers it (other barriers, and the contact's name and address asked "only if you said
// yes").
import { beforeAll, describe, expect, it } from "vitest";
import { TOPICS } from "~/domain/survey/questions.ts";
import { createMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";
import { answer, consent, freshCycle } from "../helpers/survey-respondent.ts";

const FOLLOW_UPS = ["barriersOther", "contactName", "contactEmail"];

let cycleId: string;
let cookie: string;

beforeAll(async () => {
  const fresh = await freshCycle();
  cycleId = fresh.cycleId;
  cookie = await sessionCookieFor((await createMember(fresh.business.id, "OWNER")).id);
  await consent(cycleId, cookie);
  // a broad group with backgrounds, so the ethnic background page is asked too
  await answer(cycleId, cookie, "ethnic-group", { ethnicGroup: "BLACK" });
});

describe("'Prefer not to say'", () => {
  it.each(TOPICS.map((t) => t.slug))("is offered for every question on the '%s' page", async (slug) => {
    const topic = TOPICS.find((t) => t.slug === slug)!;
    const page = await renderPage(`/survey/${cycleId}/questions/${slug}`, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    const offered = topic.questions.filter((q) => !FOLLOW_UPS.includes(q.name));
    // one "Prefer not to say" answer (a radio, a checkbox, or a free-text question's own box) per question
    const labels = [...html.matchAll(/<label[^>]*>([^<]*)<\/label>/g)].map((m) => readableText(m[1]).trim());
    expect(labels.filter((label) => label === "Prefer not to say")).toHaveLength(offered.length);
    for (const question of offered)
      expect(html).toMatch(
        new RegExp(`<input[^>]*name="${question.name}(PreferNot)?"[^>]*value="PREFER_NOT_TO_SAY"`),
      );
  });
});
