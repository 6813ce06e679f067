// A requestor who moved the needed-by date of a request still waiting for approval was told "Needed-by date
// changed", and that change does not use up the one extension (request-lifecycle requestRefusal), but the
// request's history on the manage page, the officer's moderation page and, once published, the public page said
// "Needed-by date extended to …": two such changes read as two extensions, and a supplier reading the public page
// was told of an extension that never happened. Before publication it is now "Needed-by date changed to …"; an
// extension of a published request is still "extended".
import { beforeAll, describe, expect, it } from "vitest";
import { createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { formOf, postPage, readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
const cookies: Record<string, string> = {};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const inWords = (day: string) =>
  new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(day));

beforeAll(async () => {
  world = await createWorld();
  cookies.vcse = await sessionCookieFor(world.users.vcseOwner.id);
  cookies.officer = await sessionCookieFor(world.users.officerA.id);
});

async function textOf(path: string, cookie?: string) {
  const answer = await renderPage(path, cookie);
  expect(answer.status).toBe(200);
  return readableText(await answer.text());
}

async function newDate(id: string, day: string) {
  const answer = await postPage(
    `/requests/${id}/manage`,
    formOf({ intent: "extend", neededBy: day }),
    cookies.vcse,
  );
  expect(answer.status).toBe(302);
}

describe("a needed-by date moved while the request waits for approval", () => {
  it("is a change, not an extension, in every history of it", async () => {
    const need = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      status: "SUBMITTED",
      neededBy: new Date(`${inDays(40)}T00:00:00Z`),
    });
    const first = inDays(50);
    const second = inDays(55);
    await newDate(need.id, first);
    await newDate(need.id, second);

    for (const [path, cookie] of [
      [`/requests/${need.id}/manage`, cookies.vcse],
      [`/council/moderation/${need.id}`, cookies.officer],
    ]) {
      const text = await textOf(path, cookie);
      expect(text).toContain(`Needed-by date changed to ${inWords(first)}`);
      expect(text).toContain(`Needed-by date changed to ${inWords(second)}`);
      expect(text).not.toContain("Needed-by date extended");
    }

    const approved = await postPage(
      `/council/moderation/${need.id}`,
      formOf({ intent: "approve", comment: "" }),
      cookies.officer,
    );
    expect(approved.status).toBe(302);
    const publicPage = await textOf(`/requests/${need.id}`);
    expect(publicPage).toContain(`Needed-by date changed to ${inWords(second)}`);
    expect(publicPage).not.toContain("extended");

    // the one extension of the published request is still called one
    const later = inDays(70);
    await newDate(need.id, later);
    const manage = await textOf(`/requests/${need.id}/manage`, cookies.vcse);
    expect(manage).toContain(`Needed-by date extended to ${inWords(later)}`);
    expect(manage).toContain(`Needed-by date changed to ${inWords(second)}`);
    expect(await textOf(`/requests/${need.id}`)).toContain(`Needed-by date extended to ${inWords(later)}`);
  });
});
