// Every survey question page as a browser gets it (root and page rendered by Remix's own handler).
import { beforeAll, describe, expect, it } from "vitest";
import { TOPICS } from "~/domain/survey/questions.ts";
import * as explainer from "~/routes/survey.$cycleId._index.tsx";
import * as question from "~/routes/survey.$cycleId.questions.$topic.tsx";
import { createSurveyCycle, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction } from "../helpers/routes.ts";

let cycleId: string;
let cookie: string;

beforeAll(async () => {
  const world = await createWorld();
  cycleId = (await createSurveyCycle({ councilId: world.councilA.id, year: 2026 })).id;
  cookie = await sessionCookieFor(world.users.supplierOwner.id);
  const consent = await callAction(explainer.action, {
    path: `/survey/${cycleId}`,
    params: { cycleId },
    cookie,
    form: { consent: "yes" },
  });
  expect(consent.status).toBe(302);
  // a broad group with backgrounds, so the ethnic background page is asked too
  const group = await callAction(question.action, {
    path: `/survey/${cycleId}/questions/ethnic-group`,
    params: { cycleId, topic: "ethnic-group" },
    cookie,
    form: { ethnicGroup: "ASIAN" },
  });
  expect(group.status).toBe(302);
});

describe("every survey question page", () => {
  it.each(TOPICS.map((t) => t.slug))("'%s' has exactly one h1", async (slug) => {
    const page = await renderPage(`/survey/${cycleId}/questions/${slug}`, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.match(/<h1[\s>]/g) ?? []).toHaveLength(1);
  });
});
