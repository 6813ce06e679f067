import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server.ts";
import { getPublishedGuidance } from "~/domain/content/guidance.server.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { GuidanceBody } from "~/ui/guidance-body.tsx";
import { formatDate } from "~/ui/format.ts";
import { brandedByLoaded } from "~/ui/acting-for.ts";

// the header names the page's council, in its colour, for everyone (app/ui/acting-for.ts): a visitor, someone of
// another organisation and its own members, whichever council their switcher is on
export const handle = brandedByLoaded("branding");

// the page and its council: every council has a "How the marketplace works" (WCAG 2.4.2)
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data
      ? `${data.page.title} – ${data.page.council.name} – Social Value Marketplace`
      : "Guidance – Social Value Marketplace",
  },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug!;
  // addresses are saved in lower case: one typed or quoted with capitals finds its page
  if (slug !== slug.toLowerCase())
    throw redirect(
      `/guidance/${encodeURIComponent(params.councilId!)}/${encodeURIComponent(slug.toLowerCase())}`,
      301,
    );
  const page = await getPublishedGuidance(params.councilId!, slug);
  if (!page) notFound();
  const { branding, ...shown } = page;
  return json({ page: shown, branding });
}

export default function GuidancePage() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/guidance">All guidance</BackLink>
      <PageHeading caption={page.council.name}>{page.title}</PageHeading>
      <GuidanceBody html={page.html} />
      <p className="mt-8 text-muted">Last updated {formatDate(page.updatedAt)}</p>
    </>
  );
}
