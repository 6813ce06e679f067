// "Delete <organisation>": for an organisation registered by mistake. Its owner may delete it while they are its
// only member and it has no records of its own; otherwise the page says why not and what to do instead. Its
// members who are not its owner, anyone else and any council get 404 (app/domain/accounts/organisation-deletion).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requireUser } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import {
  deleteOrganisation,
  planOrganisationDeletion,
  type OrganisationDeletionPlan,
} from "~/domain/accounts/organisation-deletion.server.ts";
import { countOf, listInWords } from "~/domain/format.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Form } from "~/ui/form-for.tsx";
import { Button, ErrorSummary } from "~/ui/form.tsx";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows this organisation's (its loader's actingFor), which the page is about whatever the switcher is on
// (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("actingFor");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `${data.plan.deletable ? "Delete" : "You cannot delete"} ${data.plan.organisation.name}` : "Delete an organisation"} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  const plan = await planOrganisationDeletion(params.id!, viewer.user.id);
  if (!plan) notFound();
  return json({ actingFor: plan.organisation.id, plan });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const result = await deleteOrganisation(params.id!, viewer.user.id, requestContext(request));
  if (result.ok)
    return redirectWithFlash("/organisations", {
      kind: "success",
      message: `${result.name} has been deleted`,
    });
  if (!result.plan) notFound();
  // PostgreSQL gave the deletion up (a lock not granted in time, a deadlock) while it may still be deleted: nothing
  // was deleted, try again (the domain answers one that may no longer be deleted as refused, below). 409, as the
  // refusal: another change was in the way, not a failure of the portal (a proxy may replace a 5xx page with its own)
  if ("notFinished" in result && result.notFinished)
    return json({ plan: result.plan, error: result.notFinished }, { status: 409 });
  // a colleague joined or a record was written since the page was shown: it now says why it cannot be deleted
  return json(
    { plan: result.plan, error: `${result.plan.organisation.name} can no longer be deleted` },
    { status: 409 },
  );
}

export default function DeleteOrganisation() {
  const loaded = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const plan = refused?.plan ?? loaded.plan;
  const { organisation } = plan;
  const page = `/organisations/${organisation.id}`;
  return (
    <div className="max-w-2xl">
      <BackLink to={page}>Back to {organisation.name}</BackLink>
      <ErrorSummary errors={refused?.error ? { form: [refused.error] } : null} />
      {plan.deletable ? <CanDelete plan={plan} /> : <CannotDelete plan={plan} />}
    </div>
  );
}

function CanDelete({ plan }: { plan: OrganisationDeletionPlan }) {
  const { organisation } = plan;
  return (
    <>
      <PageHeading>Delete {organisation.name}</PageHeading>
      <p className="mb-4">Only delete {organisation.name} if it was registered by mistake. Deleting it:</p>
      <ul className="mb-6 list-disc space-y-1 pl-6">
        <li>
          removes it from the marketplace and from {organisation.councilName ?? "the council"}&apos;s list
        </li>
        <li>removes you from it, and its saved searches</li>
        {plan.invitationsWaiting ? (
          <li>cancels {countOf(plan.invitationsWaiting, "invitation", "invitations")} not yet accepted</li>
        ) : null}
        <li>keeps your own account: you stay signed in</li>
      </ul>
      <div className="mb-6 flex items-center gap-4 py-2">
        <span
          aria-hidden="true"
          className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-ink text-2xl font-bold text-white"
        >
          !
        </span>
        <strong>
          <span className="sr-only">Warning: </span>You cannot undo this. To use the marketplace for{" "}
          {organisation.name} again, you would need to register it again.
        </strong>
      </div>
      <Form method="post">
        <div className="flex flex-wrap items-center gap-4">
          <Button variant="warning">Delete {organisation.name}</Button>
          <Link to={`/organisations/${organisation.id}`}>Cancel</Link>
        </div>
      </Form>
    </>
  );
}

function CannotDelete({ plan }: { plan: OrganisationDeletionPlan }) {
  const { organisation } = plan;
  const council = organisation.councilName ?? "the council";
  return (
    <>
      <PageHeading>You cannot delete {organisation.name}</PageHeading>
      {plan.otherMembers ? (
        <>
          <h2 className="mb-2 text-xl font-bold">It has other members</h2>
          <p className="mb-6">
            {countOf(plan.otherMembers, "other person belongs", "other people belong")} to {organisation.name}
            . Only an organisation whose one member is you can be deleted. If it was registered by mistake,
            remove them first on{" "}
            <Link to={`/organisations/${organisation.id}`}>the page of {organisation.name}</Link>. If you want
            to stop acting for it instead, make another member an owner there, then leave it.
          </p>
        </>
      ) : null}
      {plan.records.length ? (
        <>
          <h2 className="mb-2 text-xl font-bold">It has records that must be kept</h2>
          <p className="mb-4">
            {organisation.name} has {listInWords(plan.records)}. {council} and other organisations rely on
            these records, so they are kept, and so is {organisation.name}.
          </p>
          <p className="mb-6">
            If it was registered by mistake, or has closed, contact {council}. If you no longer want to act
            for it, you can delete your own account from <Link to="/account">your account</Link>: its records
            are kept and {council} is told it has no members.
          </p>
        </>
      ) : null}
    </>
  );
}
