// Add (id "new") or edit one of the council's guidance pages.
import { getFormProps, useForm } from "@conform-to/react";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { isRouteErrorResponse, Link, useActionData, useLoaderData, useRouteError } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { z } from "zod";
import { intentOf } from "~/domain/form-intent.ts";
import { requireGuidanceAdmin } from "~/auth/guidance-admin.server.ts";
import { notFound, requireCouncilAdmin, requireViewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import {
  getCouncilGuidance,
  getCouncilGuidanceWithPreview,
  guidanceDeletion,
  saveGuidance,
  type GuidanceStale,
} from "~/domain/content/guidance.server.ts";
import { GUIDANCE_AUDIENCES, guidancePageSchema } from "~/domain/content/schemas.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { BackLink, ConfirmFirstLink, PageHeading } from "~/ui/components.tsx";
import { GuidanceBody } from "~/ui/guidance-body.tsx";
import { ErrorPageContent, errorPageText } from "~/ui/error-page.tsx";
import {
  GuidanceDeleted,
  GuidanceGone,
  isDeletedGuidance,
  isGoneGuidance,
  type DeletedGuidance,
} from "~/ui/guidance-deleted.tsx";
import { answerGuidanceGone } from "~/ui/guidance-deleted.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, Checkbox, ErrorSummary } from "~/ui/form.tsx";
import { GuidanceFields } from "~/ui/guidance-fields.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { editState, recordVersion, StaleEditNotice, staleEditMessage } from "~/ui/stale-edit.tsx";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the page's council (its loader's councilId), which it acts for (app/ui/acting-for.ts)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  {
    title: `${error ? errorTitle(error) : pageTitle(data)} – Social Value Marketplace`,
  },
];

// each page's title names it, as saved, and its council (WCAG 2.4.2): two tabs on two pages are told apart, and every
// council has pages of the same titles (How the marketplace works), as an admin of two has a new page for each
function pageTitle(data: { page: { title: string } | null; councilName: string } | undefined) {
  if (!data) return "Add a guidance page";
  return `${data.page ? `Edit guidance page: ${data.page.title}` : "Add a guidance page"} – ${data.councilName}`;
}

function errorTitle(error: unknown) {
  if (isRouteErrorResponse(error) && (isDeletedGuidance(error.data) || isGoneGuidance(error.data)))
    return "This guidance page has been deleted";
  return errorPageText(error).title;
}

// a new page's form names the council it was shown for; a page's form, the version of it that was read
const actionSchema = guidancePageSchema.extend({
  intent: intentOf(["save"]),
  councilId: z.string().optional(),
  version: recordVersion.optional().catch(undefined),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  // a new page is for the council the link names (`council=<id>`), else the header switcher's; a page, for its own
  const asked = new URL(request.url).searchParams.get("council");
  const { viewer, membership } = await requireGuidanceAdmin(request, params.id!, asked);
  const { membership: acting } = await requireCouncilAdmin(request);
  const council = {
    councilName: membership.organisationName,
    councilId: membership.organisationId,
    // links back to the list name the council when it is not the one being worked for, or the address named it
    named: Boolean(asked) || membership.organisationId !== acting.organisationId,
  };
  if (params.id === "new") return json({ ...council, page: null, preview: null });
  const found = await getCouncilGuidanceWithPreview(membership.organisationId, params.id!);
  if (!found) return answerGuidanceGone({ ...council, id: params.id!, viewerId: viewer.user.id });
  return json({ ...council, ...found });
}

export async function action({ request, params }: ActionFunctionArgs) {
  // the viewer first: it reads the organisation the form was shown for from a copy of the body, which cannot be
  // copied once the form below has read it (a form shown for a council the admin has since left is then refused)
  await requireViewer(request);
  const submission = parseForm(await readForm(request), { schema: actionSchema, hidden: ["councilId"] });
  const { viewer, membership } = await requireGuidanceAdmin(
    request,
    params.id!,
    submission.payload.councilId,
  );
  const { membership: acting } = await requireCouncilAdmin(request);
  const councilId = membership.organisationId;
  const isNew = params.id === "new";
  // deleting has its own page, which checks the version shown: a confirmation from before it (a page kept open, a
  // form sent again) deletes nothing here, and is asked again there with the page as it is now
  const named = new URL(request.url).searchParams.has("council") || councilId !== acting.organisationId;
  const keep = (href: string) => keepCouncil(href, councilId, named);
  if (!isNew && submission.payload.intent === "delete")
    throw redirect(keep(`/council/guidance/${params.id}/delete`));
  const value = submission.status === "success" ? submission.value : null;
  const common = { councilId, actorUserId: viewer.user.id, ipAddress: clientIp(request) };
  const councilName = membership.organisationName;
  const deletedMeanwhile = () =>
    answerDeleted({
      councilId,
      councilName,
      id: params.id!,
      viewerId: viewer.user.id,
      sent: submission.payload,
    });
  if (!isNew && !(await getCouncilGuidance(councilId, params.id!))) return deletedMeanwhile();
  if (!value) return json({ ...submission.reply(), councilName }, { status: 400 });
  const { intent: _intent, councilId: _shownFor, version, ...input } = value;
  const result = await saveGuidance({ ...common, id: isNew ? undefined : params.id, version, input });
  if (!result) return deletedMeanwhile();
  if (!result.ok) {
    if ("stale" in result)
      return json(
        {
          ...submission.reply({ formErrors: [staleEditMessage("page", result.stale.savedBy)] }),
          councilName,
          stale: result.stale,
        },
        { status: 409 },
      );
    return json({ ...submission.reply({ fieldErrors: result.fieldErrors }), councilName }, { status: 400 });
  }
  return redirectWithFlash(keep("/council/guidance"), { kind: "success", message: "Guidance page saved" });
}

// A page a colleague deleted while this admin edited it: their answers come back on a page of their own, to add again
// or copy, rather than "Page not found" and the text lost. Thrown, so this route's loader (which finds no page) is not
// run after it, with or without JavaScript; a page that was never deleted here is not found, as before.
async function answerDeleted(args: {
  councilId: string;
  councilName: string;
  id: string;
  viewerId: string;
  sent: Record<string, unknown>;
}): Promise<never> {
  const deletion = await guidanceDeletion(args.councilId, args.id);
  if (!deletion) notFound();
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  throw json<DeletedGuidance>(
    {
      councilId: args.councilId,
      councilName: args.councilName,
      deleted: { at: deletion.deletedAt, by: deletion.by, byYou: deletion.actorUserId === args.viewerId },
      answers: {
        title: text(args.sent.title),
        slug: text(args.sent.slug),
        audience: text(args.sent.audience),
        bodyMarkdown: text(args.sent.bodyMarkdown),
      },
    },
    { status: 410 },
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && isDeletedGuidance(error.data))
    return <GuidanceDeleted {...error.data} />;
  if (isRouteErrorResponse(error) && isGoneGuidance(error.data)) return <GuidanceGone {...error.data} />;
  // any other error reads as the whole site's error page does
  return <ErrorPageContent error={error} />;
}

export default function EditGuidance() {
  const { councilName, councilId, named, page, preview } = useLoaderData<typeof loader>();
  const keep = (href: string) => keepCouncil(href, councilId, named);
  const lastResult = useActionData<typeof action>();
  const { stale, version } = editState<GuidanceStale>(lastResult, page?.version);
  const [form, fields] = useForm({
    lastResult,
    // a new page starts as a draft: saved unpublished, its writer sees it in the preview before anyone reads it
    defaultValue: { ...(page ?? { audience: "EVERYONE", published: false }), councilId },
    shouldRevalidate: "onSubmit",
  });
  return (
    <>
      <BackLink to={keep("/council/guidance")}>Guidance pages</BackLink>
      <PageHeading caption={lastResult?.councilName ?? councilName}>
        {page ? "Edit guidance page" : "Add a guidance page"}
      </PageHeading>
      {stale ? (
        <StaleEditNotice what="page" rows={stale.differences.map(readableDifference)} by={stale.savedBy} />
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate className="max-w-3xl">
        <ErrorSummary errors={form.allErrors} />
        {version ? <input type="hidden" name="version" value={version} /> : null}
        {page ? null : (
          <input
            type="hidden"
            name={fields.councilId.name}
            key={fields.councilId.key}
            defaultValue={fields.councilId.initialValue as string | undefined}
          />
        )}
        <GuidanceFields fields={fields} />
        <Checkbox
          name={fields.published.name}
          key={fields.published.key}
          label="Published (anyone can read it)"
          hint={
            page
              ? undefined
              : "Leave this unticked to save the page as a draft, which only your council's admins can see, and check it in the preview before you publish it."
          }
          defaultChecked={fields.published.initialValue === "on" || fields.published.initialValue === "true"}
          errors={fields.published.errors}
        />
        <Button name="intent" value="save">
          Save page
        </Button>
      </Form>
      {page ? (
        // a page of its own asks first, with the page as saved: what is typed above and not saved is not taken there
        <ConfirmFirstLink
          to={keep(`/council/guidance/${page.id}/delete`)}
          hintId="delete-hint"
          className="mt-6 max-w-3xl"
        >
          Delete this page
        </ConfirmFirstLink>
      ) : null}
      {page && preview !== null ? (
        <section aria-labelledby="preview-heading" className="mt-12 max-w-3xl border-t-4 border-brand pt-4">
          <h2 id="preview-heading" className="mb-2 text-2xl font-bold">
            Preview
          </h2>
          <p className="mb-4 text-muted">
            {page.published ? (
              <>
                The page as readers see it at{" "}
                <Link to={`/guidance/${councilId}/${page.slug}`}>its public address</Link>, as last saved.
              </>
            ) : (
              "The page as readers will see it once published, as last saved. It is a draft: only your council's admins can see it, here."
            )}{" "}
            Save your changes to see them here.
          </p>
          <div className="border-2 border-line p-4">
            <GuidanceBody html={preview} />
          </div>
        </section>
      ) : null}
    </>
  );
}

const FIELD_LABELS: Record<GuidanceStale["differences"][number]["field"], string> = {
  title: "Title",
  slug: "Web address name",
  audience: "Who it is for",
  bodyMarkdown: "Page content",
  published: "Status",
};

type Difference = GuidanceStale["differences"][number];

function readable(field: Difference["field"], value: string | boolean, whose: "saved" | "yours") {
  if (field === "published") return value ? "Published" : "Draft (not published)";
  if (field === "audience") return GUIDANCE_AUDIENCES.find((a) => a.value === value)?.label ?? String(value);
  // too long for a table: the preview shows the saved page, the form the user's
  if (field === "bodyMarkdown")
    return whose === "saved" ? "Changed: the preview below shows it as saved now" : "As in the form below";
  return String(value);
}

function readableDifference({ field, saved, yours }: Difference) {
  return {
    field,
    label: FIELD_LABELS[field],
    saved: readable(field, saved, "saved"),
    yours: readable(field, yours, "yours"),
  };
}
