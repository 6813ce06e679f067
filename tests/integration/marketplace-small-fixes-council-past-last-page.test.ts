// A page number past the end of the council's activity lists (the requests and the pledges behind the dashboard's
// figures) says how many there are and links to the last page, keeping the list chosen. Before, it said "No
// requests." or "No pledges." to an officer whose list had some.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { createPledge, createRequest, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { pageData, renderComponent } from "../helpers/remix-react-stub.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

vi.mock("@remix-run/react", () =>
  import("../helpers/remix-react-stub.ts").then((stub) => stub.remixReactStub()),
);

const councilRequests = await import("~/routes/council.requests.tsx");
const councilPledges = await import("~/routes/council.pledges.tsx");

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
  const base = { councilId: world.councilA.id, organisationId: world.vcse.id, categoryId: world.category.id };
  const open = await createRequest(base);
  await createPledge({ requestId: open.id, supplierOrganisationId: world.supplier.id, status: "ACCEPTED" });
});

async function render(
  route: { loader: Parameters<typeof callLoader>[0]; default: Parameters<typeof renderComponent>[0] },
  path: string,
  userId: string,
) {
  const response = await callLoader(route.loader, { path, cookie: await sessionCookieFor(userId) });
  expect(response.status).toBe(200);
  pageData.loaderData = await jsonOf(response);
  pageData.location = { pathname: path.split("?")[0], search: `?${path.split("?")[1] ?? ""}` };
  return renderComponent(route.default);
}

describe("a page past the end of a council activity list", () => {
  it("of requests says there is no such page, keeping the list in the link to the last page", async () => {
    const html = await render(
      councilRequests,
      "/council/requests?view=opened&page=4",
      world.users.officerA.id,
    );
    expect(html).not.toContain("No requests.");
    expect(html).toContain("There is no page 4: there is 1 request, on 1 page.");
    expect(html).toContain('href="/council/requests?view=opened"');
  });

  it("of pledges says there is no such page, keeping the list in the link to the last page", async () => {
    const html = await render(
      councilPledges,
      "/council/pledges?view=pledged&helpType=VOLUNTEERING&page=5",
      world.users.officerA.id,
    );
    expect(html).not.toContain("No pledges.");
    expect(html).toContain("There is no page 5: there is 1 pledge, on 1 page.");
    expect(html).toContain('href="/council/pledges?view=pledged&amp;helpType=VOLUNTEERING"');
  });

  it("but an empty list still says it is empty", async () => {
    const requests = await render(councilRequests, "/council/requests?page=2", world.users.officerB.id);
    expect(requests).toContain("No requests.");
    const pledges = await render(councilPledges, "/council/pledges?page=2", world.users.officerB.id);
    expect(pledges).toContain("No pledges.");
  });
});
