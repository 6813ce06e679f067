// The council dashboard's "How many contracts to show" box, rendered from what its loader answers: it shared
// its id with the top contracts heading, so its label labelled nothing (the first element with that id is the
// heading) and the error summary's link led to the heading; a number out of range was replaced by 75.
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as dashboardPage from "~/routes/council.dashboard.tsx";
import { createWorldSignedInAs } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callLoader } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

let cookie: string;

beforeAll(async () => {
  ({ cookie } = await createWorldSignedInAs("officerA"));
});

async function open(search: string) {
  const response = await callLoader(dashboardPage.loader, { path: `/council/dashboard${search}`, cookie });
  expect(response.status).toBe(200);
  pageData.loaderData = await response.json();
  return renderComponent(dashboardPage.default);
}

const idsOf = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
// the first element with the id, as a label's for= and a #fragment find it
const firstWithId = (html: string, id: string) => new RegExp(`<(\\w+)[^>]*\\sid="${id}"`).exec(html)?.[1];

describe("the dashboard's top contracts number", () => {
  it("is the control its label and the error summary point to", async () => {
    const html = await open("?top=600");
    const ids = idsOf(html);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(html).toContain('<label for="top"');
    expect(firstWithId(html, "top")).toBe("input");
    expect(html).toMatch(/There is a problem[\s\S]*<a href="#top"/);
  });

  it("keeps what was typed beside the error when it is out of range, and shows the top 75", async () => {
    expect(await open("?top=600")).toMatch(/<input[^>]*id="top"[^>]*value="600"/);
    expect(await open("?top=ten")).toMatch(/<input[^>]*id="top"[^>]*value="ten"/);
    for (const typed of ["0x10", "1e2", ""])
      expect(await open(`?top=${typed}`)).toMatch(
        new RegExp(`There is a problem[\\s\\S]*<input[^>]*id="top"[^>]*value="${typed}"`),
      );
    const valid = await open("?top=20");
    expect(valid).toMatch(/<input[^>]*id="top"[^>]*value="20"/);
    expect(valid).not.toContain("There is a problem");
  });
});
