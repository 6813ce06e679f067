import { Link } from "@remix-run/react";

type MembershipLike = { organisationId: string; organisationName: string; viaCouncil: string | null };

// An organisation the viewer belongs to: its page for direct members; for a partner council reached through
// a partnership-wide membership, where that access comes from (its members page is its own admins' business).
export function MembershipName({ membership }: { membership: MembershipLike }) {
  if (!membership.viaCouncil)
    return <Link to={`/organisations/${membership.organisationId}`}>{membership.organisationName}</Link>;
  return (
    <>
      {membership.organisationName}
      <span className="block text-muted">Partner council, through your role at {membership.viaCouncil}</span>
    </>
  );
}
