import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server.ts";
import { getPublishedGuidance } from "~/domain/content/guidance.server.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { formatDate } from "~/ui/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page.title ?? "Guidance"} – Social Value Marketplace` },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await getPublishedGuidance(params.councilId!, params.slug!);
  if (!page) notFound();
  return json({ page });
}

const PROSE =
  "[&_a]:underline [&_blockquote]:mb-4 [&_blockquote]:border-l-8 [&_blockquote]:border-line [&_blockquote]:pl-4 " +
  "[&_h2]:mt-8 [&_h2]:mb-3 [&_h2]:text-2xl [&_h2]:font-bold [&_h3]:mt-6 [&_h3]:mb-2 [&_h3]:text-xl [&_h3]:font-bold " +
  "[&_h4]:mt-4 [&_h4]:mb-2 [&_h4]:font-bold [&_li]:mb-1 [&_ol]:mb-4 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:mb-4 " +
  "[&_p]:text-lg [&_ul]:mb-4 [&_ul]:list-disc [&_ul]:pl-6 [&_table]:mb-4 [&_td]:border-b [&_td]:p-2 [&_th]:border-b-2 [&_th]:p-2";

export default function GuidancePage() {
  const { page } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/guidance">All guidance</BackLink>
      <PageHeading caption={page.council.name}>{page.title}</PageHeading>
      {/* Rendered from Markdown and sanitised on the server: no raw HTML, only http(s) and mailto links. */}
      <div className={`max-w-3xl ${PROSE}`} dangerouslySetInnerHTML={{ __html: page.html }} />
      <p className="mt-8 text-muted">Last updated {formatDate(page.updatedAt)}</p>
    </>
  );
}
