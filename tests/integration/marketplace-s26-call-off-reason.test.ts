// Calling off an accepted pledge with a reason over 1,000 characters was told "Give a reason for calling off the
// pledge", though one was given: every error of the reason was reworded as if it were missing. Only a missing
// reason is now; a reason too long, or with nothing to read, is told what is wrong with it.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { createPartlyPledgedRequest } from "../helpers/pledged-request.ts";
import { postPage, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

async function acceptedPledge() {
  return (await createPartlyPledgedRequest(world, { pledge: { status: "ACCEPTED" } })).pledge;
}

async function callOff(id: string, reason: string) {
  const form = new FormData();
  form.set("intent", "decline");
  form.set("reason", reason);
  const answer = await postPage(`/pledges/${id}`, form, requestor);
  return { status: answer.status, text: readableText(await answer.text()) };
}

describe("calling off an accepted pledge", () => {
  it("with a reason too long says so, and keeps the pledge", async () => {
    const pledge = await acceptedPledge();
    const answer = await callOff(pledge.id, "The project was cancelled. ".repeat(40));
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("Reason must be 1,000 characters or fewer");
    expect(answer.text).not.toContain("Give a reason for calling off the pledge");
    expect((await db.pledge.findUniqueOrThrow({ where: { id: pledge.id } })).status).toBe("ACCEPTED");
  });

  it("with a reason of zero-width spaces says it shows nothing", async () => {
    const answer = await callOff((await acceptedPledge()).id, "\u200B\u200B\u200B\u200B");
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("The reason must contain letters, numbers or other characters you can see");
  });

  it("with no reason asks for one for calling it off", async () => {
    const answer = await callOff((await acceptedPledge()).id, "  ");
    expect(answer.status).toBe(400);
    expect(answer.text).toContain("Give a reason for calling off the pledge");
    expect(answer.text).not.toContain("Give a reason for declining");
  });
});
