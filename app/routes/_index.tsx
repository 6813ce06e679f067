import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listNewestOpenRequests } from "~/domain/marketplace/newest.server.ts";
import { newestNeedCard } from "~/domain/marketplace/request-card.server.ts";
import { StillNeeded } from "~/ui/still-needed.tsx";

export const meta: MetaFunction = () => [{ title: "Social Value Marketplace" }];

export async function loader() {
  // each card as text: its quantity in the requestor's unit ("1 laptop") needs the pluralize library, which the
  // page would otherwise ship to every browser
  const requests = (await listNewestOpenRequests(6)).map(newestNeedCard);
  return json({ requests });
}

export default function Home() {
  const { requests } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="mb-10 max-w-3xl">
        <h1 className="mb-4 text-4xl font-bold">Social value that gets delivered</h1>
        <p className="mb-4 text-xl">
          Charities and community groups post what they need. Council suppliers pledge volunteering, goods,
          expertise, funding and work placements as part of the social value they promised in their contracts.
          Councils check that it is delivered.
        </p>
      </div>
      <section aria-labelledby="newest-heading">
        <h2 id="newest-heading" className="mb-4 text-2xl font-bold">
          Newest needs
        </h2>
        {requests.length === 0 ? (
          <p>There are no open requests at the moment.</p>
        ) : (
          <ul className="grid gap-6 sm:grid-cols-2">
            {requests.map((request) => (
              <li key={request.id} className="border-t-4 border-brand pt-3">
                <h3 className="mb-2 text-xl font-bold">
                  <Link to={`/requests/${request.id}`}>{request.title}</Link>
                </h3>
                <p className="text-muted">{request.about}</p>
                <p>
                  <StillNeeded need={request.need} />
                </p>
                <p>{`Needed by ${request.neededBy}`}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
