import { Link } from "@remix-run/react";
import { KIND_LABEL, ROLE_LABEL } from "~/domain/accounts/schemas.ts";
import type { MemberRole, OrganisationKind, VerificationStatus } from "~/generated/prisma/enums.ts";
import { Table, type Column } from "~/ui/components.tsx";
import { OrganisationStatusTag } from "~/ui/organisation-status.tsx";

type MembershipLike = { organisationId: string; organisationName: string; viaCouncil: string | null };

// An organisation the viewer belongs to: its page for direct members; for a partner council reached through
// a partnership-wide membership, where that access comes from (its members page is its own admins' business).
function MembershipName({ membership }: { membership: MembershipLike }) {
  if (!membership.viaCouncil)
    return <Link to={`/organisations/${membership.organisationId}`}>{membership.organisationName}</Link>;
  return (
    <>
      {membership.organisationName}
      <span className="block text-muted">Partner council, through your role at {membership.viaCouncil}</span>
    </>
  );
}

type MembershipRow = MembershipLike & {
  kind: OrganisationKind;
  role: MemberRole;
  status: VerificationStatus;
};

// The viewer's organisations, as their account page and "Your organisations" list them: each one's name, type,
// the viewer's role and its status; `more`, the columns a page adds after these.
export function MembershipsTable<T extends MembershipRow>({
  memberships,
  more = [],
}: {
  memberships: T[];
  more?: Column<T>[];
}) {
  return (
    <Table
      caption={<span className="sr-only">Your organisations</span>}
      rows={memberships}
      rowKey={(m) => m.organisationId}
      empty="You do not belong to an organisation yet."
      columns={[
        {
          header: "Organisation",
          rowHeader: true,
          cell: (m) => <MembershipName membership={m} />,
        },
        { header: "Type", cell: (m) => KIND_LABEL[m.kind] },
        { header: "Your role", cell: (m) => ROLE_LABEL[m.role] },
        {
          header: "Status",
          cell: (m) => <OrganisationStatusTag status={m.status} />,
        },
        ...more,
      ]}
    />
  );
}
