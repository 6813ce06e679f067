// The manage page of a draft linked to "View the request as posted (not published)", though a draft has not been
// posted anywhere. A request not yet published (a draft, one with the council, one sent back for changes) now
// links to a preview of it as it will be published; one withdrawn before it was published says it never was.
import { beforeAll, describe, expect, it } from "vitest";
import type { RequestStatus } from "~/generated/prisma/enums.ts";
import { createRequest, createWorld } from "../helpers/factories.ts";
import { pageHtmlAs, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function manageLink(status: RequestStatus, publishedAt?: null) {
  const r = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    status,
    ...(publishedAt === null ? { publishedAt } : {}),
  });
  const html = await pageHtmlAs(`/requests/${r.id}/manage`, world.users.vcseOwner.id);
  const link = new RegExp(`<a [^>]*href="/requests/${r.id}">([^<]*)</a>`).exec(html);
  return { link: link?.[1], text: readableText(html) };
}

describe("the manage page's link to the request", () => {
  it.each(["DRAFT", "SUBMITTED", "CHANGES_REQUESTED"] as const)(
    "of a %s request is a preview of it as it will be published",
    async (status) => {
      const { link, text } = await manageLink(status);
      expect(link).toBe("Preview the request as it will be published");
      expect(text).not.toContain("as posted");
    },
  );

  it("of a request withdrawn before it was published says it never was", async () => {
    const { link, text } = await manageLink("WITHDRAWN", null);
    expect(link).toBe("View the request (never published)");
    expect(text).not.toContain("as posted");
  });

  it("of a published request is its public page", async () => {
    expect((await manageLink("OPEN")).link).toBe("View the public page");
  });
});
