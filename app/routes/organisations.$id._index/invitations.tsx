// The invitations still waiting to be accepted, and the form inviting a colleague, for whoever manages the
// organisation.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { SerializeFrom } from "@remix-run/node";
import { MEMBER_ROLES_BY_KIND, ROLE_LABEL } from "~/domain/accounts/schemas.ts";
import { Table, Tag } from "~/ui/components.tsx";
import { Form } from "~/ui/form-for.tsx";
import { Button, Radios, TextInput } from "~/ui/form.tsx";
import { formatDate } from "~/ui/format.ts";
import type { loader } from "./route.tsx";

type Organisation = SerializeFrom<typeof loader>["organisation"];

export function InvitationsWaiting({ invitations }: { invitations: Organisation["invitations"] }) {
  return (
    <Table
      caption={<span className="sr-only">Invitations waiting</span>}
      rows={invitations}
      rowKey={(i) => i.id}
      empty="No invitations are waiting."
      columns={[
        { header: "Email", rowHeader: true, cell: (i) => i.email },
        { header: "Role", cell: (i) => ROLE_LABEL[i.role] },
        { header: "Expires", cell: (i) => formatDate(i.expiresAt) },
        {
          header: <span className="sr-only">Actions</span>,
          cell: (i) => (
            <Form method="post">
              <input type="hidden" name="invitationId" value={i.id} />
              <button type="submit" name="intent" value="revoke-invitation" className="underline">
                Cancel invitation<span className="sr-only"> to {i.email}</span>
              </button>
            </Form>
          ),
        },
      ]}
    />
  );
}

// Invitations the people they were sent to declined lately: they can be invited again with the form below.
export function InvitationsDeclined({ invitations }: { invitations: Organisation["declined"] }) {
  return (
    <>
      <p className="mb-4">These people said no. You can invite them again if they change their mind.</p>
      <Table
        caption={<span className="sr-only">Invitations declined</span>}
        rows={invitations}
        rowKey={(i) => i.id}
        empty="No invitations were declined."
        columns={[
          // no address: the person has deleted their account since
          { header: "Email", rowHeader: true, cell: (i) => i.email ?? "Deleted user" },
          { header: "Role", cell: (i) => ROLE_LABEL[i.role] },
          { header: "Status", cell: () => <Tag colour="grey">Declined</Tag> },
          { header: "Declined on", cell: (i) => formatDate(i.declinedAt) },
        ]}
      />
    </>
  );
}

export function InviteForm({
  kind,
  lastResult,
}: {
  kind: Organisation["kind"];
  // the page's last answer, whichever of its forms was sent
  lastResult: SubmissionResult<string[]> | undefined;
}) {
  const roles = MEMBER_ROLES_BY_KIND[kind];
  // only the invitation form's own answer fills it in: another form's role must not land in its "Role"
  const [form, fields] = useForm({
    id: "invite",
    lastResult: lastResult?.initialValue?.intent === "invite" ? lastResult : undefined,
  });
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="mb-10 max-w-2xl">
      <TextInput
        name={fields.email.name}
        key={fields.email.key}
        defaultValue={fields.email.initialValue as string | undefined}
        label="Their email address"
        hint="We will email them a link that works for 7 days"
        errors={fields.email.errors}
        type="email"
        spellCheck={false}
      />
      <Radios
        name={fields.role.name}
        key={fields.role.key}
        defaultValue={(fields.role.initialValue as string | undefined) ?? roles[roles.length - 1]}
        legend="Role"
        errors={fields.role.errors}
        inline
        options={roles.map((role) => ({ value: role, label: ROLE_LABEL[role] }))}
      />
      <Button name="intent" value="invite">
        Send invitation
      </Button>
    </Form>
  );
}
