import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actingMembership, getViewer } from "~/auth/permissions.server.ts";
import { invitationStanding, redeemInvitation } from "~/domain/survey/cycles.server.ts";
import type { InvitationStanding } from "~/domain/survey/invitation-standing.ts";
import { PageHeading } from "~/ui/components.tsx";

export const meta: MetaFunction = () => [{ title: "Survey invitation – Social Value Marketplace" }];

// The emailed link: a signed-in member of a supplier organisation is taken to the survey; anyone else
// is told what to do. A link that does not work says so first, to everyone, before anyone is offered signing up or
// registering a business to answer it: only how it stands (not recognised, closed, already used), never whose it is.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const viewer = await getViewer(request);
  const here = new URL(request.url).pathname;
  const signInHref = `/sign-in?redirectTo=${encodeURIComponent(here)}`;
  // registering a business leads back to this invitation, where the new business answers
  const addBusiness = `/organisations/new/supplier?redirectTo=${encodeURIComponent(here)}`;
  // the supplier a signed-in person is working for now (chosen in the header when they belong to several), which
  // is the one every survey page then uses
  const supplier = viewer ? actingMembership(viewer, request, { kinds: ["SUPPLIER"] }) : null;
  if (!supplier) {
    // Someone signed out, or with no business, was told how to sign up and register one whatever the link, and
    // learnt only after all that that it did not work. A link already followed, or of a closed survey, may be
    // their own business's when signed out: they are offered signing in, not signing up.
    const standing = await invitationStanding(token);
    if (standing !== "waiting")
      return json(
        {
          problem: "dead" as const,
          why: standing,
          organisationId: null,
          signInHref: viewer ? null : signInHref,
          business: false,
        },
        { status: 404 },
      );
  }
  if (!viewer)
    return json({
      problem: "signed-out" as const,
      organisationId: null,
      signInHref,
      // someone with no account has no business on the service either: once they have confirmed their address
      // and signed in, they register it, then come back here
      signUpHref: `/sign-up?redirectTo=${encodeURIComponent(addBusiness)}`,
    });
  if (!supplier) return json({ problem: "no-supplier" as const, organisationId: null, addBusiness });
  // a business the council rejected may not answer any survey: it was told the link "does not work" and pointed
  // to the council's newer emails and to a list that can never show one (the link itself is left untouched)
  if (supplier.status === "REJECTED")
    return json({ problem: "rejected" as const, organisationId: supplier.organisationId }, { status: 404 });
  const redeemed = await redeemInvitation(token, supplier.organisationId);
  if ("cycleId" in redeemed) return redirect(`/survey/${redeemed.cycleId}`);
  // sent to another business (decision 031, s41 addendum): said so, with what to do, and the link stays theirs
  if (redeemed.problem === "not-yours")
    return json(
      {
        problem: "not-yours" as const,
        organisationId: null,
        businessName: supplier.organisationName,
        otherBusinesses: viewer.memberships.filter((m) => m.kind === "SUPPLIER").length > 1,
      },
      { status: 403 },
    );
  // (read after the attempt: a link taken by another business a moment before reads as used)
  return json(
    {
      problem: "dead" as const,
      why: await invitationStanding(token),
      organisationId: null,
      signInHref: null,
      business: true,
    },
    { status: 404 },
  );
}

export default function SurveyInvitation() {
  const data = useLoaderData<typeof loader>();
  const { problem, organisationId } = data;
  return (
    <div className="max-w-3xl">
      {data.problem === "signed-out" ? (
        <>
          <PageHeading>Sign in to answer the supplier survey</PageHeading>
          <p className="mb-4">
            A council has invited your business to take part in its yearly supplier diversity survey. It asks
            who owns and leads your business and what makes it hard to bid for council contracts. Every
            question is optional and it takes about 10 minutes.
          </p>
          <p className="mb-6">
            You answer on this service for your business. Sign in, or create a free account and register your
            business if you do not have one: either way, we will bring you back to this invitation.
          </p>
          <ul className="space-y-3">
            <li>
              <Link to={data.signInHref} className="font-bold">
                Sign in
              </Link>
            </li>
            <li>
              <Link to={data.signUpHref}>Create a free account</Link>
            </li>
          </ul>
        </>
      ) : problem === "rejected" ? (
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
      ) : data.problem === "no-supplier" ? (
        <>
          <PageHeading>Add your business first</PageHeading>
          <p className="mb-4">
            The survey is answered on behalf of a business. Add your business to your account: when you have
            registered it, we will bring you back to this invitation to answer.
          </p>
          <p>
            <Link to={data.addBusiness}>Add your business</Link>
          </p>
        </>
      ) : data.problem === "not-yours" ? (
        <>
          <PageHeading>This invitation is for another business</PageHeading>
          <p className="mb-4">
            The council sent this link to an email address that belongs to another business on this service,
            so {data.businessName} cannot use it to answer the survey. Nothing has been recorded, and the link
            still works for the business it was sent to.
          </p>
          <h2 className="mb-2 text-xl font-bold">What you can do</h2>
          <ul className="mb-4 list-disc space-y-2 pl-6">
            {data.otherBusinesses ? (
              <li>
                If you answer for the business the email was sent to, choose that business at the top of this
                page, then follow the link in the email again.
              </li>
            ) : null}
            <li>
              If you were given the link by someone at another business, ask them to answer the survey for
              their own business: it cannot be passed on to another.
            </li>
            <li>
              If the invitation was meant for your business, ask the council that sent it to send one to your
              business&apos;s email address.
            </li>
          </ul>
          <p>
            <Link to="/survey">See the surveys open to your business</Link>
          </p>
        </>
      ) : data.problem === "dead" ? (
        <DeadLink why={data.why} signInHref={data.signInHref} business={data.business} />
      ) : null}
    </div>
  );
}

// signed out, a link followed before or of a closed survey offers signing in (it may be their business's); a business
// is offered its surveys; someone without one is offered nothing more
function DeadLink({
  why,
  signInHref,
  business,
}: {
  why: InvitationStanding;
  signInHref: string | null;
  business: boolean;
}) {
  return (
    <>
      <PageHeading>This invitation link does not work</PageHeading>
      {why === "closed" ? (
        <p className="mb-4">
          The survey this link is for has closed, so it no longer takes answers.
          {signInHref
            ? " If your business answered it with this link, sign in to see what became of its answers."
            : ""}
        </p>
      ) : why === "used" ? (
        <p className="mb-4">
          This link has already been used to answer the survey for a business, and each link is for one
          business only. If the invitation was meant for your business, ask the council that sent it to send
          one to your business&apos;s email address.
          {signInHref ? " If your business answered with this link, sign in to carry on." : ""}
        </p>
      ) : (
        <p className="mb-4">
          We do not recognise this link. The council may have sent you a newer link: use the one in its latest
          email. Otherwise the survey may have closed or been cancelled before it opened. Contact the council
          that sent it if you think this is wrong.
        </p>
      )}
      {signInHref && why !== "unknown" ? (
        <p>
          <Link to={signInHref}>Sign in</Link>
        </p>
      ) : business ? (
        <p>
          <Link to="/survey">See the surveys open to your business</Link>
        </p>
      ) : null}
    </>
  );
}
