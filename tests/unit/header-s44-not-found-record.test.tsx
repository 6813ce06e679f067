// A page about one record shows its record's council in the header (decision 027): the field its loader's data
// names (`actsForLoaded`). A record not found (404, or any error) has no data of its own, so its header is the
// switcher's, the council the person is working for, as on any other page (decision 027, session 44): so too after
// a link followed in the browser from one record's page to a record that is not found, where the router could have
// kept the previous record's data for a route that draws its own error page (a guidance page) and named the
// previous record's council over "Page not found".
import { renderToStaticMarkup } from "react-dom/server";
import { createMemoryRouter, Outlet, RouterProvider } from "react-router-dom";
import { expect, it } from "vitest";
import { actsForLoaded, useActingOrganisation } from "~/ui/acting-for.ts";

function Header() {
  return <header>{useActingOrganisation() ?? "the switcher's"}</header>;
}

async function routerAt(location: string) {
  const router = createMemoryRouter(
    [
      {
        id: "root",
        path: "/",
        element: (
          <>
            <Header />
            <Outlet />
          </>
        ),
        children: [
          {
            id: "record",
            path: "records/:id",
            handle: actsForLoaded("councilId"),
            loader: ({ params }) => {
              if (params.id === "missing") throw new Response("Not found", { status: 404 });
              return { councilId: `council of ${params.id}` };
            },
            element: <main>the record</main>,
            errorElement: <main>Page not found</main>,
          },
        ],
      },
    ],
    { initialEntries: [location] },
  );
  await new Promise<void>((resolve) => {
    if (router.state.initialized) resolve();
    else router.subscribe((state) => state.initialized && resolve());
  });
  return router;
}

const page = (router: Awaited<ReturnType<typeof routerAt>>) =>
  renderToStaticMarkup(<RouterProvider router={router} />);

it("shows the record's council in the header of its page", async () => {
  expect(page(await routerAt("/records/a"))).toBe("<header>council of a</header><main>the record</main>");
});

it("shows the switcher's council over a record not found, opened directly", async () => {
  expect(page(await routerAt("/records/missing"))).toBe(
    "<header>the switcher&#x27;s</header><main>Page not found</main>",
  );
});

it("shows the switcher's council over a record not found, reached by a link from another record's page", async () => {
  const router = await routerAt("/records/a");
  await router.navigate("/records/missing");
  expect(page(router)).toBe("<header>the switcher&#x27;s</header><main>Page not found</main>");
});
