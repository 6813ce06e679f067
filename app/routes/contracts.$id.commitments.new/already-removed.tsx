// A commitment removed from its contract, as its removal page and its edit page say when opened again (410 Gone):
// the link kept (Back, a bookmark, a colleague's message) finds nothing to change or remove, and says why.
import { Link } from "@remix-run/react";
import { BackLink, PageHeading } from "~/ui/components.tsx";

export function AlreadyRemoved({
  contract,
  measure,
}: {
  contract: { id: string; reference: string; title: string };
  measure: string | null;
}) {
  const back = `/contracts/${contract.id}`;
  return (
    <div className="max-w-3xl">
      <BackLink to={back}>Back to the contract</BackLink>
      <PageHeading caption={`${contract.reference}: ${contract.title}`}>
        This commitment has already been removed
      </PageHeading>
      <p className="mb-4">
        {measure ? `The commitment ${measure} was` : "This commitment was"} removed from this contract, so
        there is nothing left to change or remove. The contract’s history keeps a record of the removal and of
        what the commitment was.
      </p>
      <p>
        <Link to={back}>Back to the contract</Link>
      </p>
    </div>
  );
}
