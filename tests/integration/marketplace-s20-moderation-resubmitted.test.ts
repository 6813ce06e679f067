// An officer with a request's review page open could approve (or ask for changes to) a version they never saw:
// meanwhile a colleague had asked for changes and the requestor had edited the request and sent it again. The
// decision now carries the submission it was made on, and one made on an earlier one is refused with the reason.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { RESUBMITTED_SINCE_REVIEWED } from "~/domain/marketplace/requests.server.ts";
import { action as moderate } from "~/routes/council.moderation.$id.tsx";
import { createRequest, createWorldSignedInAs, type World } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";

let world: World;
let officer: string;

beforeAll(async () => {
  ({ world, cookie: officer } = await createWorldSignedInAs("officerA"));
});

async function resubmittedRequest() {
  const first = new Date("2026-11-20T09:00:00Z");
  const need = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status: "SUBMITTED",
    title: "Volunteers for the pantry",
  });
  await db.request.update({ where: { id: need.id }, data: { submittedAt: first } });
  // changes asked for, made and sent again while the officer's page still showed the first submission
  const again = new Date("2026-11-21T10:30:00Z");
  await db.request.update({
    where: { id: need.id },
    data: { submittedAt: again, title: "Volunteers for the pantry, Saturdays" },
  });
  return { need, first, again };
}

function decide(requestId: string, form: Record<string, string>) {
  return callAction(moderate, {
    path: `/council/moderation/${requestId}`,
    params: { id: requestId },
    cookie: officer,
    form,
  });
}

describe("an officer's decision on a request sent again since their page was opened", () => {
  it.each([
    ["approve", {}],
    ["requestChanges", { comment: "Please say which days." }],
  ])("%s is refused with the reason, and nothing changes", async (intent, extra) => {
    const { need, first } = await resubmittedRequest();
    const response = await decide(need.id, { intent, reviewedSubmission: first.toISOString(), ...extra });
    expect(response.status).toBe(400);
    const reply = await jsonOf<{ error?: Record<string, string[]> }>(response);
    expect(reply.error?.[""]).toEqual([RESUBMITTED_SINCE_REVIEWED]);
    const after = await db.request.findUniqueOrThrow({ where: { id: need.id } });
    expect(after.status).toBe("SUBMITTED");
    expect(after.publishedAt).toBeNull();
    expect(
      await db.requestEvent.count({ where: { requestId: need.id, toStatus: { not: "SUBMITTED" } } }),
    ).toBe(0);
  });

  it("made on the version sent, it goes through", async () => {
    const { need, again } = await resubmittedRequest();
    const response = await decide(need.id, { intent: "approve", reviewedSubmission: again.toISOString() });
    expect(response.status).toBe(302);
    expect((await db.request.findUniqueOrThrow({ where: { id: need.id } })).status).toBe("OPEN");
  });
});
