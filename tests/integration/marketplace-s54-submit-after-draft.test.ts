// "Save draft", then Back and "Submit for approval" with the same answers: the draft the first post saved is what is
// submitted, not a second request beside it, whether the form comes back with a new one-off key (the page makes it
// afresh) or with the key the draft was saved with (a browser that restores the whole page). Other answers still make
// another request (decision 024). And "Submit for approval" sent again with the same key once the request has moved
// on (approved by the council) is told it was submitted, as the first post was, not "Draft saved".
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { action as moderateAction } from "~/routes/council.moderation.$id.tsx";
import { action as newRequestAction } from "~/routes/requests.new/route.tsx";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { flashMessageOf } from "../helpers/flash.ts";
import { requestForm } from "../helpers/request-form.ts";
import { callAction } from "../helpers/routes.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  world = await createWorld();
  for (const [name, user] of Object.entries(world.users)) cookies[name] = await sessionCookieFor(user.id);
});

const answers = (overrides: Record<string, string> = {}) =>
  requestForm(world, { districtId: world.district.id, ...overrides });

/** Posts the new-request form as its `intent` button does, with `submissionKey` (a fresh one by default). */
const post = (
  form: Record<string, string>,
  intent: "draft" | "submit",
  submissionKey: string = crypto.randomUUID(),
  cookie = cookies.vcseOwner,
) =>
  callAction(newRequestAction, {
    path: "/requests/new",
    cookie,
    form: { ...form, intent, submissionKey },
  });

const madeWith = (title: string) =>
  db.request.findMany({
    where: { title },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true, submittedAt: true },
  });

/** The request's history and audit trail: its status changes, and what the audit log says was done to it. */
async function trailOf(requestId: string) {
  const events = await db.requestEvent.findMany({
    where: { requestId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { fromStatus: true, toStatus: true, actorUserId: true },
  });
  const audit = await db.auditLog.findMany({
    where: { entityId: requestId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { action: true, actorUserId: true },
  });
  return { events, audit };
}

describe("Submit for approval after Save draft, with the same answers", () => {
  const keys: { name: string; submitKey: (draftKey: string) => string }[] = [
    { name: "from a fresh form (a new key)", submitKey: () => crypto.randomUUID() },
    { name: "with the key the draft was saved with", submitKey: (draftKey) => draftKey },
  ];

  for (const { name, submitKey } of keys) {
    it(`submits the draft ${name}`, async () => {
      const form = answers();
      const draftKey = crypto.randomUUID();
      const saved = await post(form, "draft", draftKey);
      expect(saved.status).toBe(302);
      expect(await flashMessageOf(saved)).toBe("Draft saved");

      const submitted = await post(form, "submit", submitKey(draftKey));
      expect(submitted.status).toBe(302);
      expect(submitted.headers.get("location")).toBe(saved.headers.get("location"));
      expect(await flashMessageOf(submitted)).toBe("Request submitted for approval");

      const made = await madeWith(form.title);
      expect(made).toEqual([{ id: expect.any(String), status: "SUBMITTED", submittedAt: expect.any(Date) }]);
      expect(saved.headers.get("location")).toBe(`/requests/${made[0].id}/manage`);
      const owner = world.users.vcseOwner.id;
      expect(await trailOf(made[0].id)).toEqual({
        events: [
          { fromStatus: null, toStatus: "DRAFT", actorUserId: owner },
          { fromStatus: "DRAFT", toStatus: "SUBMITTED", actorUserId: owner },
        ],
        audit: [
          { action: "request.create", actorUserId: owner },
          { action: "request.submit", actorUserId: owner },
        ],
      });

      // and Submit sent once more (Back again) is the request now waiting for approval, told so
      const again = await post(form, "submit");
      expect(again.headers.get("location")).toBe(saved.headers.get("location"));
      expect(await flashMessageOf(again)).toBe(
        "You had already submitted this request for approval, so it was not sent again",
      );
      expect(await madeWith(form.title)).toHaveLength(1);
      expect((await trailOf(made[0].id)).events).toHaveLength(2);
    });
  }

  it("from two forms at once submits the one draft, once", async () => {
    const form = answers();
    const saved = await post(form, "draft");
    const both = await Promise.all([post(form, "submit"), post(form, "submit")]);
    expect(both.map((a) => a.status)).toEqual([302, 302]);
    for (const answer of both) expect(answer.headers.get("location")).toBe(saved.headers.get("location"));
    const made = await madeWith(form.title);
    expect(made.map((r) => r.status)).toEqual(["SUBMITTED"]);
    expect(await db.auditLog.count({ where: { entityId: made[0].id, action: "request.submit" } })).toBe(1);
  });
});

describe("Submit for approval after Save draft makes another request", () => {
  it("with other answers, leaving the draft as it was", async () => {
    const form = answers();
    const saved = await post(form, "draft");
    const submitted = await post({ ...form, quantity: "13" }, "submit");
    expect(submitted.headers.get("location")).not.toBe(saved.headers.get("location"));
    expect(await flashMessageOf(submitted)).toBe("Request submitted for approval");
    expect((await madeWith(form.title)).map((r) => r.status)).toEqual(["DRAFT", "SUBMITTED"]);
  });

  it("when a colleague saved the draft", async () => {
    const form = answers();
    await post(form, "draft", crypto.randomUUID(), cookies.vcseMember);
    await post(form, "submit");
    expect((await madeWith(form.title)).map((r) => r.status)).toEqual(["DRAFT", "SUBMITTED"]);
  });
});

describe("Submit for approval sent again with the same key", () => {
  it("once the council has approved the request, is told it was submitted, with nothing made", async () => {
    const form = answers();
    const key = crypto.randomUUID();
    const first = await post(form, "submit", key);
    expect(await flashMessageOf(first)).toBe("Request submitted for approval");
    const [made] = await madeWith(form.title);
    const approved = await callAction(moderateAction, {
      path: `/council/moderation/${made.id}`,
      params: { id: made.id },
      cookie: cookies.officerA,
      form: { intent: "approve" },
    });
    expect(approved.status).toBe(302);

    const again = await post(form, "submit", key);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await flashMessageOf(again)).toBe("Request submitted for approval");
    expect((await madeWith(form.title)).map((r) => r.status)).toEqual(["OPEN"]);
    expect((await trailOf(made.id)).events.map((e) => e.toStatus)).toEqual(["DRAFT", "SUBMITTED", "OPEN"]);
  });

  it("while it waits for approval, is told the same", async () => {
    const form = answers();
    const key = crypto.randomUUID();
    const first = await post(form, "submit", key);
    const again = await post(form, "submit", key);
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await flashMessageOf(again)).toBe("Request submitted for approval");
    expect((await madeWith(form.title)).map((r) => r.status)).toEqual(["SUBMITTED"]);
  });
});
