// The public list stops at 1,000 requests (decision 014). Only its last page, 50, said so: on page 1 the
// heading read "More than 1,000 requests" above 50 pages of links, with no word that the rest cannot be reached
// by paging. Every listed page of a capped list now says it shows the first 1,000 and how to find the rest.
import { beforeAll, describe, expect, it } from "vitest";
import { createBusyCouncil } from "./busy-council.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let council: { id: string };
let small: { id: string };

beforeAll(async () => {
  ({ council, small } = await createBusyCouncil({
    openRequests: 1003,
    title: "Hedge laying",
    description: "Help lay the hedge by the school.",
    inSmall: 1,
  }));
});

const SHOWING = "Showing the first 1,000, on 50 pages. To see the rest, narrow your search";

async function textAt(search: string) {
  const response = await renderPage(`/requests${search}`);
  expect(response.status).toBe(200);
  return readableText(await response.text());
}

describe("a list of more than 1,000 requests", () => {
  it.each([
    ["1", ""],
    ["2", "&page=2"],
    ["50", "&page=50"],
  ])("says on page %s that it shows the first 1,000 and how to see the rest", async (_n, page) => {
    const text = await textAt(`?council=${council.id}${page}`);
    expect(text).toContain("More than 1,000 requests");
    expect(text).toContain(SHOWING);
  });

  it("still says on the last page that it is the last one listed", async () => {
    expect(await textAt(`?council=${council.id}&page=50`)).toContain(
      "This is the last page listed: only the first 1,000 matching requests are listed.",
    );
  });
});

describe("a list under the cap", () => {
  it("says nothing about the first 1,000", async () => {
    const text = await textAt(`?category=${small.id}`);
    expect(text).toContain("1 request");
    expect(text).not.toContain("Showing the first");
    expect(text).not.toContain("last page listed");
  });
});
