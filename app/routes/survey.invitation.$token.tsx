import { getFormProps, useForm } from "@conform-to/react";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { actingMembership, getViewer, notFound, requireViewer } from "~/auth/permissions.server.ts";
import { organisationCookie } from "~/auth/organisation-cookie.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import {
  invitationStanding,
  openInvitation,
  takeUpInvitation,
} from "~/domain/survey/invitation-links.server.ts";
import type { InvitationStanding } from "~/domain/survey/invitation-standing.ts";
import { CONFIRM_ADDRESS_ERROR, invitationTakeUpSchema } from "~/domain/survey/schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { InsetText, PageHeading } from "~/ui/components.tsx";
import { Form } from "~/ui/form-for.tsx";
import { Button, Checkbox, ErrorSummary, Radios } from "~/ui/form.tsx";

export const meta: MetaFunction = () => [{ title: "Survey invitation – Social Value Marketplace" }];

// The emailed link. Opening it changes nothing (decision 055): a signed-in member of a supplier business is asked
// which of their businesses answers with it, and, for a link sent to an address not their own, to confirm it was
// meant for that business; sending that form takes the link up. A link already the business's leads to its survey;
// anyone else is told what to do. A link that does not work says so first, to everyone, before anyone is offered
// signing up or registering a business to answer it: only how it stands (not recognised, closed, already taken up),
// never whose it is.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const viewer = await getViewer(request);
  const here = new URL(request.url).pathname;
  const signInHref = `/sign-in?redirectTo=${encodeURIComponent(here)}`;
  // registering a business leads back to this invitation, where the new business answers
  const addBusiness = `/organisations/new/supplier?redirectTo=${encodeURIComponent(here)}`;
  // the supplier a signed-in person is working for now (chosen in the header when they belong to several): offered
  // first, and the one the page speaks of when the link offers none of their businesses anything
  const supplier = viewer ? actingMembership(viewer, request, { kinds: ["SUPPLIER"] }) : null;
  if (!supplier) {
    // Someone signed out, or with no business, was told how to sign up and register one whatever the link, and
    // learnt only after all that that it did not work. A link already taken up, or of a closed survey, may be
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
  const opened = await openInvitation(token, {
    email: viewer.user.email,
    organisationIds: viewer.memberships.filter((m) => m.kind === "SUPPLIER").map((m) => m.organisationId),
    actingId: supplier.organisationId,
    actingRejected: supplier.status === "REJECTED",
  });
  switch (opened.kind) {
    case "answer":
      return redirect(`/survey/${opened.cycleId}`);
    case "choose": {
      const { kind: _, ...takeUp } = opened;
      return json({ problem: null, organisationId: null, takeUp, personEmail: viewer.user.email });
    }
    // a business the council rejected may not answer any survey: it was told the link "does not work" and pointed
    // to the council's newer emails and to a list that can never show one (the link itself is left untouched)
    case "rejected":
      return json({ problem: "rejected" as const, organisationId: supplier.organisationId }, { status: 404 });
    // sent to another business (decision 031, s41 addendum): said so, with what to do, and the link stays theirs
    case "not-yours":
      return json(
        { problem: "not-yours" as const, organisationId: null, businessName: supplier.organisationName },
        { status: 403 },
      );
    // a large business, with a link sent to an address not its own: the survey is for SMEs (decision 055)
    case "large":
      return json(
        { problem: "large" as const, organisationId: null, businessName: opened.businessName },
        { status: 403 },
      );
    case "dead":
      return json(
        { problem: "dead" as const, why: opened.why, organisationId: null, signInHref: null, business: true },
        { status: 404 },
      );
  }
}

// "Continue to the survey": the business chosen takes the link up, then its survey opens, the header switched to it.
// A link that no longer offers it anything (taken up by another business a moment before, replaced, closed) is
// refused, and the page says how the link stands now.
export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request);
  const token = params.token ?? "";
  const submission = parseForm(await readForm(request), { schema: invitationTakeUpSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const { organisationId, confirmAddress } = submission.value;
  const business = viewer.memberships.find(
    (m) => m.kind === "SUPPLIER" && m.organisationId === organisationId,
  );
  if (!business) notFound();
  const taken = await takeUpInvitation(token, {
    userId: viewer.user.id,
    email: viewer.user.email,
    organisationId,
    confirmed: confirmAddress === "yes",
    ipAddress: clientIp(request),
  });
  if ("cycleId" in taken)
    return redirect(`/survey/${taken.cycleId}`, {
      headers: { "Set-Cookie": organisationCookie(organisationId) },
    });
  if (taken.problem === "confirm")
    return json(submission.reply({ fieldErrors: { confirmAddress: [CONFIRM_ADDRESS_ERROR] } }), {
      status: 400,
    });
  // refused: the page, read again, says how the link stands now for the business being worked for
  return json(submission.reply({ formErrors: [NOT_TAKEN_UP[taken.problem]] }), {
    status: taken.problem === "invalid" ? 409 : 403,
  });
}

// Why the business chosen could not take the link up (a page left open while another business took it, the survey
// closed or the link was replaced; or a form made by hand).
const NOT_TAKEN_UP = {
  invalid:
    "This link no longer works: a business has taken it up, or it was replaced, or the survey has closed",
  "not-yours": "This invitation was sent to another business, so the business you chose cannot use it",
  large:
    "This survey is for small and medium-sized businesses, so the business you chose cannot use this link",
};

export default function SurveyInvitation() {
  const data = useLoaderData<typeof loader>();
  const { problem, organisationId } = data;
  return (
    <div className="max-w-3xl">
      {data.problem === null ? (
        <TakeUp {...data.takeUp} personEmail={data.personEmail} />
      ) : data.problem === "signed-out" ? (
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
          <WhatYouCanDo />
        </>
      ) : data.problem === "large" ? (
        <>
          <PageHeading>This survey is for small and medium-sized businesses</PageHeading>
          <p className="mb-4">
            The council sent this link to an email address that is not yours or {data.businessName}&apos;s. It
            is for a small or medium-sized business, and {data.businessName} is registered as a large one, so
            it cannot use the link. Nothing has been recorded, and the link still works for the business it
            was sent to.
          </p>
          <WhatYouCanDo />
        </>
      ) : data.problem === "dead" ? (
        <DeadLink why={data.why} signInHref={data.signInHref} business={data.business} />
      ) : null}
    </div>
  );
}

function WhatYouCanDo() {
  return (
    <>
      <h2 className="mb-2 text-xl font-bold">What you can do</h2>
      <ul className="mb-4 list-disc space-y-2 pl-6">
        <li>
          If you were given the link by someone at another business, ask them to answer the survey for their
          own business: it cannot be passed on to another.
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
  );
}

// The link's offer: which of the person's businesses answers with it (said, when only one may) and, for a link sent to
// an address not their own, that it was meant for that business. Nothing is recorded until they continue.
function TakeUp({
  year,
  councilName,
  businesses,
  chosenId,
  confirmAddress,
  personEmail,
}: {
  year: number;
  councilName: string;
  businesses: { id: string; name: string }[];
  chosenId: string;
  confirmAddress: string | null;
  personEmail: string;
}) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  const only = businesses.length === 1 ? businesses[0] : null;
  return (
    <>
      <ErrorSummary errors={form.allErrors} />
      <PageHeading caption={councilName}>Supplier diversity survey {year}</PageHeading>
      <p className="mb-4">
        {councilName} has invited a business to answer its yearly supplier diversity survey with this link. It
        asks who owns and leads the business and what makes it hard to bid for council contracts. Every
        question is optional.
      </p>
      {confirmAddress ? (
        <InsetText>
          <p>
            This invitation was sent to <strong className="break-all">{confirmAddress}</strong>, not to the
            address you sign in with ({personEmail}). Use it only if it was meant for your business: once a
            business has taken it up, no other business can use it.
          </p>
        </InsetText>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate>
        {only ? (
          <>
            <input type="hidden" name="organisationId" value={only.id} />
            <p className="mb-6">
              You will answer for <strong>{only.name}</strong>.
            </p>
          </>
        ) : (
          <Radios
            name={fields.organisationId.name}
            legend="Which business are you answering for?"
            errors={fields.organisationId.errors}
            // after a refusal, the business that was chosen
            defaultValue={(fields.organisationId.initialValue as string | undefined) ?? chosenId}
            options={businesses.map((b) => ({ value: b.id, label: b.name }))}
          />
        )}
        {confirmAddress ? (
          <Checkbox
            name={fields.confirmAddress.name}
            value="yes"
            label={
              only
                ? `The invitation was meant for ${only.name}`
                : "The invitation was meant for the business I am answering for"
            }
            errors={fields.confirmAddress.errors}
          />
        ) : null}
        <Button>Continue to the survey</Button>
      </Form>
    </>
  );
}

// signed out, a link taken up before or of a closed survey offers signing in (it may be their business's); a business
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
          A business has already taken up this link, and each link is for one business only. If the invitation
          was meant for your business, ask the council that sent it to send one to your business&apos;s email
          address.
          {signInHref ? " If your business took it up, sign in to carry on." : ""}
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
