import { getFormProps, useForm } from "@conform-to/react";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { accountDeletedCookie } from "~/auth/account-deleted-cookie.server.ts";
import { requireUser } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import { clearSessionCookie } from "~/auth/session.server.ts";
import { deleteAccountSchema } from "~/domain/accounts/schemas.ts";
import { countOf } from "~/domain/format.ts";
import {
  deleteAccount,
  planAccountDeletion,
  type OrganisationLeftEmpty,
} from "~/domain/accounts/deletion.server.ts";
import { BackLink, Notice, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, Checkboxes, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Delete your account – Social Value Marketplace" }];

// What deleting the account would mean, shown before the person confirms: what stops it, and which of their
// organisations would be left with no members.
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return json(await planAccountDeletion(viewer.user.id));
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requireUser(request);
  const submission = parseForm(await readForm(request), { schema: deleteAccountSchema });
  const hideFields = ["currentPassword"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const result = await deleteAccount(viewer.user.id, submission.value, requestContext(request));
  // a deletion PostgreSQL gave up (a lock not granted in time, a deadlock) did nothing: the form again, saying so, as
  // 409 (another change was in the way), not 5xx, which a proxy may replace with its own page and the log counts as
  // the portal failing
  if (!result.ok)
    return json(submission.reply({ fieldErrors: result.fieldErrors, hideFields }), {
      status: result.notFinished ? 409 : 400,
    });
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie());
  // a second "Delete my account" from another tab is sent to sign in: that page then says it has been deleted
  headers.append("Set-Cookie", accountDeletedCookie());
  return redirectWithFlash("/", { kind: "success", message: "Your account has been deleted" }, { headers });
}

function LeftEmptyWarning({ organisation }: { organisation: OrganisationLeftEmpty }) {
  const { name } = organisation;
  return (
    <section aria-labelledby={`left-empty-${organisation.organisationId}`} className="mb-6">
      <h2 id={`left-empty-${organisation.organisationId}`} className="mb-2 text-xl font-bold">
        {name} will be left with no members
      </h2>
      <p className="mb-2">You are its only member. If you delete your account:</p>
      <ul className="mb-2 list-disc space-y-1 pl-6">
        <li>nobody will be able to sign in for {name} or manage it</li>
        {organisation.requests ? (
          <li>
            {countOf(organisation.requests, "request", "requests")} not yet closed (drafts, waiting for
            approval or open) will be withdrawn, and suppliers who offered to help will be told
          </li>
        ) : null}
        {organisation.pledges ? (
          <li>
            {countOf(organisation.pledges, "pledge", "pledges")} on offer will be withdrawn, and the groups
            you offered them to will be told
          </li>
        ) : null}
        {organisation.invitations ? (
          <li>
            {countOf(organisation.invitations, "invitation", "invitations")} not yet accepted will be
            cancelled
          </li>
        ) : null}
        <li>
          {organisation.councilName ?? "the council"} keeps its records (such as fulfilled requests, delivered
          pledges, contracts and returns) and will be told it has no members
        </li>
      </ul>
      <p>
        If {name} carries on, invite a colleague and make them an owner before you delete your account:{" "}
        <Link to={`/organisations/${organisation.organisationId}`}>manage the members of {name}</Link>.
      </p>
    </section>
  );
}

/** What deleting the account does, and to the organisations it leaves with no members. */
function WhatDeletingDoes({ leftEmpty }: { leftEmpty: OrganisationLeftEmpty[] }) {
  return (
    <>
      <p className="mb-4">Deleting your account:</p>
      <ul className="mb-6 list-disc space-y-1 pl-6">
        <li>removes you from every organisation and signs you out everywhere</li>
        <li>removes your name, email address, password and saved searches</li>
        <li>
          removes your email address from the emails and invitations sent to you and from the audit log, and
          cancels invitations to you that you have not accepted
        </li>
        <li>cancels the invitations you sent that have not been accepted yet</li>
        <li>
          keeps the requests, pledges and returns you wrote, because your organisation and the council need
          them; they will show &ldquo;Deleted user&rdquo; as the author
        </li>
      </ul>
      {leftEmpty.map((organisation) => (
        <LeftEmptyWarning key={organisation.organisationId} organisation={organisation} />
      ))}
      <p className="mb-6">
        <a href="/account/data">Download your data</a> first if you want a copy. You cannot undo this.
      </p>
    </>
  );
}

export default function DeleteAccount() {
  const { blocks, leftEmpty } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  // what was ticked stays ticked when the deletion is refused (a mistyped password): one box comes back as a string
  const ticked = fields.leaveWithoutMembers.initialValue;
  // the fields in page order: the boxes for organisations left with no members (when there are any) come before the
  // password, which the schema checks first
  const order = [fields.leaveWithoutMembers.name, fields.currentPassword.name];
  return (
    <div className="max-w-2xl">
      <BackLink to="/account">Back to your account</BackLink>
      <PageHeading>Delete your account</PageHeading>
      {blocks.length ? (
        <>
          <ErrorSummary errors={form.allErrors} order={order} />
          <Notice kind="error" title="Before you can delete your account">
            <ul className="list-disc space-y-2 pl-6">
              {blocks.map((block) => (
                <li key={`${block.organisationId ?? "platform"}-${block.link?.href ?? ""}`}>
                  {block.message}
                  {block.link ? (
                    <>
                      {" "}
                      <Link to={block.link.href}>{block.link.text}</Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            <p className="mt-2">Then come back to this page.</p>
          </Notice>
          <WhatDeletingDoes leftEmpty={leftEmpty} />
        </>
      ) : (
        // the form starts at the top of the page's content, so its error summary is both inside it (a password
        // pasted too long to send is refused here, app/ui/form-for.tsx, and the boxes ticked are kept) and first
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorSummary errors={form.allErrors} order={order} />
          <WhatDeletingDoes leftEmpty={leftEmpty} />
          {leftEmpty.length ? (
            <Checkboxes
              name={fields.leaveWithoutMembers.name}
              key={fields.leaveWithoutMembers.key}
              legend="Organisations left with no members"
              errors={fields.leaveWithoutMembers.errors}
              defaultValues={Array.isArray(ticked) ? (ticked as string[]) : ticked ? [ticked as string] : []}
              options={leftEmpty.map((organisation) => ({
                value: organisation.organisationId,
                label: `I understand that ${organisation.name} will be left with no members`,
              }))}
            />
          ) : null}
          <TextInput
            name={fields.currentPassword.name}
            key={fields.currentPassword.key}
            label="Enter your password to confirm"
            errors={fields.currentPassword.errors}
            type="password"
            autoComplete="current-password"
          />
          <Button variant="warning">Delete my account</Button>
        </Form>
      )}
    </div>
  );
}
