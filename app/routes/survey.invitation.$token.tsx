import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actingMembership, requireViewer } from "~/auth/permissions.server.ts";
import { redeemInvitation } from "~/domain/survey/cycles.server.ts";
import { PageHeading } from "~/ui/components.tsx";

export const meta: MetaFunction = () => [{ title: "Survey invitation – Social Value Marketplace" }];

// The emailed link: a signed-in member of a supplier organisation is taken to the survey; anyone else
// is told what to do. An unknown or used-elsewhere link says so without revealing anything.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const viewer = await requireViewer(request);
  // the business the person is working for now (chosen in the header when they belong to several), which is
  // the one every survey page then uses
  const supplier = actingMembership(viewer, request, { kinds: ["SUPPLIER"] });
  if (!supplier) return json({ problem: "no-supplier" as const, organisationId: null });
  // a business the council rejected may not answer any survey: it was told the link "does not work" and pointed
  // to the council's newer emails and to a list that can never show one (the link itself is left untouched)
  if (supplier.status === "REJECTED")
    return json({ problem: "rejected" as const, organisationId: supplier.organisationId }, { status: 404 });
  const cycleId = await redeemInvitation(params.token ?? "", supplier.organisationId);
  if (!cycleId) return json({ problem: "invalid" as const, organisationId: null }, { status: 404 });
  return redirect(`/survey/${cycleId}`);
}

export default function SurveyInvitation() {
  const { problem, organisationId } = useLoaderData<typeof loader>();
  return (
    <div className="max-w-3xl">
      {problem === "rejected" ? (
        <>
          <PageHeading>Your business cannot take part in this survey</PageHeading>
          <p className="mb-4">
            The council did not verify your business, so it cannot answer council surveys. Contact the council
            that sent the invitation if you think this is wrong.
          </p>
          <p>
            <Link to={`/organisations/${organisationId}`}>See the reason the council gave</Link>
          </p>
        </>
      ) : problem === "no-supplier" ? (
        <>
          <PageHeading>Add your business first</PageHeading>
          <p className="mb-4">
            The survey is answered on behalf of a business. Add your business to your account, then follow the
            link in the email again.
          </p>
          <p>
            <Link to="/organisations/new">Add your business</Link>
          </p>
        </>
      ) : (
        <>
          <PageHeading>This invitation link does not work</PageHeading>
          <p className="mb-4">
            The council may have sent you a newer link: use the one in its latest email. Otherwise the link
            may have been used by another business, or the survey may have closed or been cancelled before it
            opened. Contact the council that sent it if you think this is wrong.
          </p>
          <p>
            <Link to="/survey">See the surveys open to your business</Link>
          </p>
        </>
      )}
    </div>
  );
}
