// "Delete this guidance page?": the page as saved now, what deleting does, and a button that names it. It was a
// `?delete` view of the edit form, which deleted whatever the page had become since it was opened. This page works
// without JavaScript: the button posts the version shown here, so a colleague's change since is shown first.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { requireGuidanceAdmin } from "~/auth/guidance-admin.server.ts";
import { requireCouncilAdmin } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { GUIDANCE_AUDIENCES } from "~/domain/content/audiences.ts";
import { deleteGuidance, getGuidanceForDeletion } from "~/domain/content/guidance.server.ts";
import { guidanceDeleteSchema } from "~/domain/content/schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, Notice, PageHeading, SummaryList } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Form } from "~/ui/form-for.tsx";
import { Button } from "~/ui/form.tsx";
import { formatDateTime } from "~/ui/format.ts";
import { ErrorPageContent, errorPageText } from "~/ui/error-page.tsx";
import { GuidanceGone, isGoneGuidance } from "~/ui/guidance-deleted.tsx";
import { answerGuidanceGone } from "~/ui/guidance-deleted.server.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";
import { changedBy } from "~/ui/stale-edit.tsx";

// the header shows the page's council (its loader's councilId), which it acts for (app/ui/acting-for.ts)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  {
    title: `${
      isRouteErrorResponse(error) && isGoneGuidance(error.data)
        ? "This guidance page has been deleted"
        : error
          ? errorPageText(error).title
          : data
            ? `Delete guidance page: ${data.page.title} – ${data.councilName}`
            : "Delete a guidance page"
    } – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, membership } = await requireGuidanceAdmin(request, params.id!);
  const { membership: acting } = await requireCouncilAdmin(request);
  const council = {
    councilName: membership.organisationName,
    councilId: membership.organisationId,
    // links back name the page's council when it is not the one being worked for, or the address named it
    named:
      new URL(request.url).searchParams.has("council") || membership.organisationId !== acting.organisationId,
  };
  const page = await getGuidanceForDeletion(membership.organisationId, params.id!);
  if (!page) return answerGuidanceGone({ ...council, id: params.id!, viewerId: viewer.user.id });
  return json({ ...council, page });
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && isGoneGuidance(error.data)) return <GuidanceGone {...error.data} />;
  // any other error reads as the whole site's error page does
  return <ErrorPageContent error={error} />;
}

type Reply = { problem: "stale"; title: string; message: string } | { problem: "refused"; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireGuidanceAdmin(request, params.id!);
  const { membership: acting } = await requireCouncilAdmin(request);
  const submission = parseForm(await readForm(request), { schema: guidanceDeleteSchema });
  if (submission.status !== "success")
    return json<Reply>(
      {
        problem: "refused",
        message:
          "The page was not deleted: the form did not say which version of it you were looking at. Check it below and delete it again.",
      },
      { status: 400 },
    );
  const result = await deleteGuidance({
    councilId: membership.organisationId,
    actorUserId: viewer.user.id,
    ipAddress: clientIp(request),
    id: params.id!,
    version: submission.value.version,
  });
  const named =
    new URL(request.url).searchParams.has("council") || membership.organisationId !== acting.organisationId;
  if (!result.ok) {
    // a colleague deleted it first: said so, as this page's address opened again is
    if ("notFound" in result)
      return answerGuidanceGone({
        councilId: membership.organisationId,
        councilName: membership.organisationName,
        named,
        id: params.id!,
        viewerId: viewer.user.id,
      });
    // the page is read again after this answer: it shows the page as it was saved since, and its version. Who saved
    // it is said as the edit page says it: the admin themselves, in another tab or window, or the colleague by name
    return json<Reply>(
      {
        problem: "stale",
        title: changedBy("page", result.stale.savedBy),
        message: `${changedBy("page", result.stale.savedBy)}, so it has not been deleted. It is shown below as it is now: delete it again if you still want to.`,
      },
      { status: 409 },
    );
  }
  // back to the list of the page's council, when the address named it or it is not the one being worked for
  return redirectWithFlash(keepCouncil("/council/guidance", membership.organisationId, named), {
    kind: "success",
    message: "Guidance page deleted",
  });
}

export default function DeleteGuidance() {
  const { councilName, councilId, named, page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const back = keepCouncil(`/council/guidance/${page.id}`, councilId, named);
  const audience = GUIDANCE_AUDIENCES.find((a) => a.value === page.audience)?.label ?? page.audience;
  return (
    <div className="max-w-3xl">
      <BackLink to={back}>Back to the page</BackLink>
      <PageHeading caption={councilName}>
        Are you sure you want to delete the guidance page “{page.title}”?
      </PageHeading>
      {reply ? (
        <Notice kind="error" title={reply.problem === "stale" ? reply.title : "Not deleted"}>
          {reply.message}
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          { key: "Title", value: page.title },
          { key: "Web address name", value: page.slug },
          { key: "Who it is for", value: audience },
          { key: "Status", value: page.published ? "Published" : "Draft (not published)" },
          { key: "Last saved", value: formatDateTime(page.version) },
        ]}
      />
      <h2 className="mb-2 text-xl font-bold">What deleting does</h2>
      <ul className="mb-6 list-disc pl-6">
        <li>
          {page.published
            ? "The page comes off the guidance list, and its address stops working for anyone who has it."
            : "The page is not published, so no reader has it: only this draft goes."}
        </li>
        <li>The page and its content are deleted. This cannot be undone.</li>
        <li>The audit log keeps a record that it was deleted.</li>
      </ul>
      <Form method="post" className="flex flex-wrap items-center gap-6">
        <input type="hidden" name="version" value={page.version} />
        <Button variant="warning">Yes, delete “{page.title}”</Button>
        <Link to={back}>No, keep it</Link>
      </Form>
    </div>
  );
}
