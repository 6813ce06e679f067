import { json, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listPublishedGuidance } from "~/domain/content/guidance.server.ts";
import { GUIDANCE_AUDIENCES } from "~/domain/content/audiences.ts";
import { PageHeading } from "~/ui/components.tsx";

export const meta: MetaFunction = () => [{ title: "Guidance – Social Value Marketplace" }];

export async function loader() {
  const pages = await listPublishedGuidance();
  const councils = new Map<string, { id: string; name: string; pages: typeof pages }>();
  for (const page of pages) {
    const entry = councils.get(page.councilId) ?? { id: page.councilId, name: page.council.name, pages: [] };
    entry.pages.push(page);
    councils.set(page.councilId, entry);
  }
  return json({ councils: Array.from(councils.values()) });
}

const audienceLabel = (value: string) => GUIDANCE_AUDIENCES.find((a) => a.value === value)?.label ?? value;

export default function GuidanceIndex() {
  const { councils } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>Guidance</PageHeading>
      <p className="mb-8 max-w-3xl text-lg">
        How the marketplace works, what good social value looks like and what others have done, from each
        council.
      </p>
      {councils.length === 0 ? <p>There is no guidance yet.</p> : null}
      {councils.map((council) => (
        <section key={council.id} aria-labelledby={`council-${council.id}`} className="mb-8">
          <h2 id={`council-${council.id}`} className="mb-3 text-2xl font-bold">
            {council.name}
          </h2>
          <ul className="space-y-2">
            {council.pages.map((page) => (
              <li key={page.slug}>
                <Link to={`/guidance/${council.id}/${page.slug}`} className="text-lg">
                  {page.title}
                </Link>{" "}
                <span className="text-muted">for {audienceLabel(page.audience).toLowerCase()}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
