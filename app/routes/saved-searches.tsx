import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requireMembership } from "~/auth/permissions.server.ts";
import {
  deleteSavedSearch,
  SavedSearchLimitReached,
  SavedSearchNameTaken,
  savedSearchesOf,
  saveSearch,
  setDigest,
} from "~/domain/marketplace/council-lists.server.ts";
import { anyOf, filterNames } from "~/domain/marketplace/named-filters.ts";
import { savedSearchSchema } from "~/domain/marketplace/schemas.ts";
import { filtersInWords } from "~/domain/marketplace/search-words.ts";
import { PageHeading, Table } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, Checkbox, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { formatDate, plural } from "~/ui/format.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Saved searches – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { viewer, membership } = await requireMembership(request, { kinds: ["SUPPLIER"] });
  return json({
    searches: await savedSearchesOf(viewer.user.id, membership.organisationId),
    organisationName: membership.organisationName,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireMembership(request, { kinds: ["SUPPLIER"] });
  const submission = parseForm(await readForm(request), {
    schema: savedSearchSchema,
    hidden: ["emailDigest"],
  });
  if (submission.status !== "success") {
    // The save form lives on /requests: send the user back there with the message.
    return json(submission.reply(), { status: 400 });
  }
  const value = submission.value;
  if (value.intent === "create") {
    // sent twice (a double click, or the form sent again), it is the search the first one saved
    const saved = await saveSearch({
      userId: viewer.user.id,
      organisationId: membership.organisationId,
      ...value,
    }).catch((error: unknown) => {
      if (error instanceof SavedSearchLimitReached || error instanceof SavedSearchNameTaken) return error;
      throw error;
    });
    if (saved instanceof SavedSearchLimitReached)
      return json(submission.reply({ formErrors: [saved.message] }), { status: 400 });
    if (saved instanceof SavedSearchNameTaken)
      return json(submission.reply({ fieldErrors: { name: [saved.message] } }), { status: 400 });
    // the same filters as one kept already: a second would only send the same daily email twice
    if (saved.existing)
      return redirectWithFlash("/saved-searches", {
        kind: "info",
        message: saved.digestTurnedOn
          ? `You already have this search, saved as “${saved.name}”. Nothing new was saved, and its daily email is now on.`
          : `You already have this search, saved as “${saved.name}”. Nothing new was saved.`,
      });
    return redirectWithFlash("/saved-searches", { kind: "success", message: `Search “${saved.name}” saved` });
  }
  const done =
    value.intent === "delete"
      ? await deleteSavedSearch(value.id, viewer.user.id)
      : await setDigest(value.id, viewer.user.id, value.emailDigest);
  if (!done)
    return json(submission.reply({ formErrors: ["That saved search no longer exists."] }), { status: 404 });
  // not found is not an error to whoever deleted it a moment ago (a double click), but is not "deleted" either
  if (done === "gone")
    return redirectWithFlash("/saved-searches", {
      kind: "info",
      message: "That saved search was not found: it may have been deleted already",
    });
  return redirectWithFlash("/saved-searches", {
    kind: "success",
    message:
      value.intent === "delete"
        ? "Saved search deleted"
        : value.emailDigest
          ? "Daily email turned on"
          : "Daily email turned off",
  });
}

function SavingExplained() {
  return (
    <p className="mb-6">
      To save a search, <Link to="/requests">search the requests</Link> and use “Save this search”. With the
      daily email on, you get an email on each day new requests match it; none on a day nothing new does.
    </p>
  );
}

export default function SavedSearchesPage() {
  const { searches, organisationName } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  return (
    <>
      <PageHeading caption={organisationName}>Saved searches</PageHeading>
      {/* a search refused as it was saved from the requests page comes back as a form to name it again: the form
          then starts at the top of the page's content, so its error summary is inside it (a name pasted too long to
          send is refused here, app/ui/form-for.tsx, and kept) and first. The other forms have nothing typed */}
      {/* a refused save is known by its intent: a search of every request (no filters) sends an empty query, which
          does not come back, and its name must still be asked for again */}
      {fields.intent.initialValue === "create" ? (
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorSummary errors={form.allErrors} />
          <SavingExplained />
          <div className="mb-8 max-w-xl">
            <input type="hidden" name="intent" value="create" />
            <input type="hidden" name="query" value={String(fields.query.initialValue ?? "")} />
            {/* the refused form's key: nothing was saved with it, and sent twice from here it saves once */}
            {typeof fields.submissionKey.initialValue === "string" ? (
              <input type="hidden" name="submissionKey" value={fields.submissionKey.initialValue} />
            ) : null}
            {/* what was sent comes back as it was: an unticked daily email stays unticked */}
            <TextInput
              name="name"
              label="Name for the search"
              width="20"
              errors={fields.name.errors}
              defaultValue={typeof fields.name.initialValue === "string" ? fields.name.initialValue : ""}
            />
            <Checkbox
              name="emailDigest"
              label="Email me new matches every day"
              defaultChecked={fields.emailDigest.initialValue === "on"}
            />
            <Button>Save search</Button>
          </div>
        </Form>
      ) : (
        <>
          <ErrorSummary errors={form.allErrors} />
          <SavingExplained />
        </>
      )}
      <Table
        caption="Your saved searches"
        rows={searches}
        rowKey={(s) => s.id}
        empty="You have no saved searches."
        columns={[
          {
            header: "Name",
            cell: (s) => (
              <>
                {s.link ? <Link to={s.link}>{s.name}</Link> : s.name}
                {s.link === null ? (
                  <p className="mt-1 text-sm">
                    <strong>Cannot be opened:</strong> its filters could not be read, so it sends no daily
                    email. Delete it and save the search again.
                  </p>
                ) : s.notFound.length > 0 ? (
                  <p className="mt-1 text-sm">
                    <strong>Needs updating:</strong> the {filterNames(s.notFound)} it was saved with no longer{" "}
                    {plural(s.notFound.length, "exists", "exist")}, so it finds requests in{" "}
                    {anyOf(s.notFound)}. Open it, choose again and save it as a new search.
                  </p>
                ) : null}
              </>
            ),
            rowHeader: true,
          },
          {
            header: "Finds",
            cell: (s) =>
              s.matches ? <SearchInWords matches={s.matches} /> : "Its filters could not be read",
          },
          { header: "Daily email", cell: (s) => (s.emailDigest ? "On" : "Off") },
          // the daily run's date, whether or not it found anything new to email (no email on such a day)
          {
            header: "Last checked for new requests",
            cell: (s) => (s.lastDigestAt ? formatDate(s.lastDigestAt) : "Not yet"),
          },
          // the day a daily email last went, which is only on a day the check found something new
          {
            header: "Last emailed",
            cell: (s) => (s.lastEmailedAt ? formatDate(s.lastEmailedAt) : "Not yet"),
          },
          {
            header: "Actions",
            cell: (s) => (
              <div className="flex flex-wrap gap-3">
                <Form method="post">
                  <input type="hidden" name="id" value={s.id} />
                  {s.emailDigest ? null : <input type="hidden" name="emailDigest" value="on" />}
                  <Button name="intent" value="digest" variant="secondary">
                    {s.emailDigest ? "Turn off email" : "Turn on email"}
                    <span className="sr-only"> for {s.name}</span>
                  </Button>
                </Form>
                <Form method="post">
                  <input type="hidden" name="id" value={s.id} />
                  <Button name="intent" value="delete" variant="warning">
                    Delete<span className="sr-only"> {s.name}</span>
                  </Button>
                </Form>
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

// What a saved search finds, filter by filter, so two searches are told apart by more than their names.
function SearchInWords({ matches }: { matches: Parameters<typeof filtersInWords>[0] }) {
  const words = filtersInWords(matches);
  if (words.length === 0) return <>Every open request</>;
  return (
    <ul className="text-sm">
      {words.map((w) => (
        <li key={w.label}>
          {w.label}: {w.value}
        </li>
      ))}
    </ul>
  );
}
