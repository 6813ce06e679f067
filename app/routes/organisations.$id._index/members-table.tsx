// The members of an organisation, one row each; whoever manages it changes their roles and access there.
import type { SerializeFrom } from "@remix-run/node";
import { MEMBER_ROLES_BY_KIND, ROLE_LABEL } from "~/domain/accounts/schemas.ts";
import { Table, type Column } from "~/ui/components.tsx";
import { listInWords } from "~/ui/format.ts";
import { MemberButton, RemoveLink, RoleForm } from "./member-form.tsx";
import type { RowErrors } from "./row-errors.tsx";
import type { loader } from "./route.tsx";

type Organisation = SerializeFrom<typeof loader>["organisation"];
type Member = Organisation["memberships"][number];

export function MembersTable({
  organisation,
  canManage,
  errors,
  keptRole,
}: {
  organisation: Organisation;
  canManage: boolean;
  errors: RowErrors;
  // the role chosen for a member whose change was refused, shown again in their row
  keptRole: (membershipId: string) => string | null;
}) {
  const roles = MEMBER_ROLES_BY_KIND[organisation.kind];
  const columns: Column<Member>[] = [
    { header: "Name", rowHeader: true, cell: (m) => (m.isMe ? `${m.name} (you)` : m.name) },
    { header: "Email", cell: (m) => m.email },
    {
      header: "Role",
      cell: (m) =>
        canManage ? (
          <RoleForm member={m} role={keptRole(m.id) ?? m.role} roles={roles} errors={errors} />
        ) : (
          ROLE_LABEL[m.role]
        ),
    },
  ];
  if (organisation.partnership)
    columns.push({
      header: "Partner councils",
      cell: (m) => (
        <AccessCell
          member={m}
          intent="partnership-access"
          has={m.partnershipWide}
          labels={PARTNERSHIP_ACCESS}
          canManage={canManage}
          errors={errors}
        />
      ),
    });
  if (organisation.kind === "COUNCIL")
    columns.push({
      header: "Survey access",
      cell: (m) => (
        <AccessCell
          member={m}
          intent="survey-access"
          has={m.surveyAccess}
          labels={SURVEY_ACCESS}
          canManage={canManage}
          errors={errors}
        />
      ),
    });
  columns.push({
    header: <span className="sr-only">Actions</span>,
    cell: (m) =>
      canManage && !m.isMe ? (
        <RemoveLink organisationId={organisation.id} member={m} errors={errors} />
      ) : null,
  });
  return (
    <Table
      caption={<span className="sr-only">Members of {organisation.name}</span>}
      rows={organisation.memberships}
      rowKey={(m) => m.id}
      columns={columns}
    />
  );
}

type AccessLabels = { has: string; hasNot: string; revoke: string; grant: string };

const PARTNERSHIP_ACCESS: AccessLabels = {
  has: "Works for every partner council",
  hasNot: "This council only",
  revoke: "Limit to this council",
  grant: "Let them work for every partner",
};

const SURVEY_ACCESS: AccessLabels = {
  has: "Runs the supplier survey",
  hasNot: "No survey access",
  revoke: "Remove survey access",
  grant: "Give survey access",
};

// Whether a member has an access, and for whoever manages the organisation the button granting or revoking it.
function AccessCell({
  member,
  intent,
  has,
  labels,
  canManage,
  errors,
}: {
  member: Member;
  intent: "partnership-access" | "survey-access";
  has: boolean;
  labels: AccessLabels;
  canManage: boolean;
  errors: RowErrors;
}) {
  return (
    <>
      {has ? labels.has : labels.hasNot}
      {canManage ? (
        <MemberButton
          membershipId={member.id}
          intent={intent}
          access={has ? "revoke" : "grant"}
          errors={errors}
          className="underline"
        >
          {has ? labels.revoke : labels.grant}
          <span className="sr-only"> ({member.name})</span>
        </MemberButton>
      ) : null}
    </>
  );
}

// The partner councils' staff who work for this council as officers (decision 011): each partner's own admins choose
// them, so there is nothing to change here, only to know who can work on the council's records.
export function PartnerStaff({
  council,
  partnership,
  staff,
}: {
  council: string;
  partnership: string;
  staff: { id: string; name: string; email: string; councilNames: string[] }[];
}) {
  return (
    <>
      <h2 className="mb-4 text-2xl font-bold">Staff of partner councils who can work for {council}</h2>
      <p className="mb-4 max-w-3xl">
        Each partner council&apos;s own admins choose which of their members work for every council in{" "}
        {partnership}. They work for {council} as officers, on its records too, but never get admin rights
        here or access to the supplier diversity survey. To change who they are, ask that council&apos;s
        admins.
      </p>
      <Table
        caption={<span className="sr-only">Staff of partner councils who can work for {council}</span>}
        rows={staff}
        rowKey={(m) => m.id}
        empty={`No staff of the partner councils can work for ${council}.`}
        columns={[
          { header: "Name", rowHeader: true, cell: (m) => m.name },
          { header: "Email", cell: (m) => m.email },
          { header: "Member of", cell: (m) => listInWords(m.councilNames) },
        ]}
      />
    </>
  );
}
