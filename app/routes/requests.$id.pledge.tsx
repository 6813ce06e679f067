import crypto from "node:crypto";
import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { notFound, requireMembership, requireViewer, type Viewer } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { ownMemberships } from "~/domain/marketplace/access.server.ts";
import { formatQuantity, quantityUnit } from "~/domain/marketplace/help-types.ts";
import {
  fullyPledgedForNow,
  notPledgingYet,
  offersRegisteringToPledge,
  registerToPledgeHref,
} from "~/domain/marketplace/pledge-eligibility.ts";
import { pledgeStatusLabel } from "~/domain/marketplace/pledge-lifecycle.ts";
import {
  createPledge,
  earlierPledge,
  getRequestForPledge,
  pledgeFormBounds,
} from "~/domain/marketplace/pledges.server.ts";
import { getClosedRequest, getRequestPage } from "~/domain/marketplace/queries.server.ts";
import { requestAmounts, stillNeeded } from "~/domain/marketplace/request-card.server.ts";
import { takesPledges } from "~/domain/marketplace/request-lifecycle.ts";
import {
  futureDayExample,
  futureDayRange,
  pledgeFormSchema,
  pledgeFormSchemaFor,
} from "~/domain/marketplace/schemas.ts";
import { ClosedRequestPage, howItClosed } from "~/ui/closed-request.tsx";
import { BackLink, InsetText, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, DateInput, ErrorSummary, Select, TextInput, Textarea } from "~/ui/form.tsx";
import { formatDate, isoDate, listInWords } from "~/ui/format.ts";
import { StillNeeded } from "~/ui/still-needed.tsx";
import { readForm } from "~/server/read-form.server.ts";

// names the request (whichever answer the page gives: the form, closed, register first), so each request's page has
// a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const title = !data
    ? undefined
    : "need" in data
      ? data.need.title
      : "closed" in data
        ? data.closed.title
        : "registerFirst" in data
          ? data.registerFirst.title
          : data.onlyBusinesses.title;
  return [{ title: `Pledge to a request${title ? `: ${title}` : ""} – Social Value Marketplace` }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  // someone with no organisation yet (signed up on their way here): a business pledges, so they are led to register
  // one and brought back here, rather than shown "Page not found"
  const signedIn = await requireViewer(request);
  if (!signedIn.memberships.length && !signedIn.user.isPlatformAdmin)
    return registerFirst(signedIn, params.id!);
  // someone working only for a charity or a council (a pledge link passed on to them): told who pledges, rather
  // than shown "Page not found" (a platform admin with no organisation is answered as before)
  if (signedIn.memberships.length && !signedIn.memberships.some((m) => m.kind === "SUPPLIER"))
    return onlyBusinessesPledge(signedIn, params.id!);
  const { viewer, membership } = await requireMembership(request, { kinds: ["SUPPLIER"] });
  const target = await getRequestForPledge(params.id!, membership.organisationId);
  if (!target) {
    // a link to a published request that has closed says so (410 Gone), without the form
    const closed = await getClosedRequest(params.id!);
    if (!closed) notFound();
    return json({ closed }, { status: 410 });
  }
  const { request: need, commitments } = target;
  // each of the organisation's pledges in the words of the request's page: one confirmed short says what was
  // delivered ("50 tins of food pledged, 45 tins of food delivered"), as that counts towards the request
  const ownPledges = requestAmounts(need, { own: target.ownPledges }).pledges.own.map((p) => ({
    id: p.id,
    status: p.status,
    createdAt: p.createdAt,
    pledgedText: p.pledgedText,
  }));
  const deliveryBounds = { onOrBefore: isoDate(need.neededBy) };
  const now = new Date();
  return json({
    need: { ...need, organisationId: undefined },
    // how much is still needed, in the words of the request's own page
    amount: stillNeeded(need),
    // the days an expected delivery date may be, as the page is shown: from today to the needed-by date. None once
    // that date has passed: the request takes no pledge then, and the page says so rather than show the form
    deliveryDays: futureDayRange(deliveryBounds, now),
    // the hint's example, one of them: the day the field's errors give (futureDayExample, as they work it out)
    deliveryExample: futureDayExample(deliveryBounds, now),
    commitments,
    ownPledges,
    organisationName: membership.organisationName,
    // a supplier the council has not verified is told why it cannot pledge, and when it can
    notVerified: notPledgingYet(membership),
    // the viewer belongs to the requesting organisation (the domain refuses such a pledge too)
    own: ownMemberships(viewer).some((m) => m.organisationId === need.organisationId),
    // open but past its needed-by date (until the nightly expiry run): the form would only be refused
    takingPledges: takesPledges(need),
    // pledged in full but still running, in the words the refused pledge uses: a pledge withdrawn or declined
    // reopens it
    fullyPledged: fullyPledgedForNow(need),
    // one key per form: a double-submitted form makes one pledge
    submissionKey: crypto.randomUUID(),
  });
}

// A published request (as anyone may see it) and the way to registering a business that leads back to pledging to it.
// One that takes no pledges is answered as a supplier's link to it is: closed (fulfilled, withdrawn, expired) says so
// with 410 Gone; open but past its needed-by date leads to its page, which says it is closed to new pledges.
async function registerFirst(viewer: Viewer, id: string) {
  const page = await getRequestPage(id, [], []);
  if (!page || !offersRegisteringToPledge(viewer, page.request)) {
    const closed = await getClosedRequest(id);
    if (closed) return json({ closed }, { status: 410 });
    if (!page) notFound();
    throw redirect(`/requests/${id}`);
  }
  const { title, councilNames } = page.request;
  return json({
    registerFirst: {
      id,
      title,
      councilName: listInWords(councilNames),
      addBusiness: registerToPledgeHref(id),
    },
  });
}

// A published request someone who works for no business opens the pledge page of: 403, saying that businesses
// pledge and how theirs could. One that takes no pledges is answered as for anyone (closed: 410 Gone).
async function onlyBusinessesPledge(viewer: Viewer, id: string) {
  const page = await getRequestPage(id, [], []);
  if (!page || !takesPledges(page.request)) {
    const closed = await getClosedRequest(id);
    if (closed) return json({ closed }, { status: 410 });
    if (!page) notFound();
    throw redirect(`/requests/${id}`);
  }
  const { title, councilNames } = page.request;
  return json(
    {
      onlyBusinesses: {
        id,
        title,
        councilName: listInWords(councilNames),
        organisations: [...new Set(viewer.memberships.map((m) => m.organisationName))],
        addBusiness: registerToPledgeHref(id),
      },
    },
    { status: 403 },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireMembership(request, { kinds: ["SUPPLIER"] });
  const form = await readForm(request);
  const pledging = {
    requestId: params.id!,
    supplierOrganisationId: membership.organisationId,
    actor: { userId: viewer.user.id, ipAddress: clientIp(request) },
  };
  // the same pledge sent again (a double click, or Back and Pledge): answered as it was, before its quantity is
  // checked against what the request still needs, which that pledge has taken
  const sent = parseForm(form, { schema: pledgeFormSchema });
  const earlier = sent.status === "success" ? await earlierPledge({ ...sent.value, ...pledging }) : null;
  if (earlier) return pledged(earlier);
  // the expected delivery date's example is a day this request takes (on or before its needed-by date), as the
  // hint's is; a request no longer taking pledges is checked as any (createPledge then says why it is refused)
  // and a quantity over what it still needs is refused with the other errors (createPledge checks it again: another
  // pledge may come in first)
  const bounds = await pledgeFormBounds(params.id!);
  const submission = parseForm(form, { schema: pledgeFormSchemaFor(bounds ?? undefined) });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  if (membership.status !== "VERIFIED")
    return json(
      submission.reply({
        formErrors: ["Your organisation must be verified by the council before it can pledge."],
      }),
      { status: 400 },
    );
  const result = await createPledge({ ...submission.value, ...pledging });
  if (!result.ok) {
    const { "": formErrors, ...fieldErrors } = result.fieldErrors ?? {};
    return json(submission.reply({ formErrors, fieldErrors }), { status: 400 });
  }
  return pledged(result);
}

// A pledge sent again from a fresh form (Back, then Pledge) is told it was not made twice.
function pledged({ pledgeId, sentBefore }: { pledgeId: string; sentBefore: boolean }) {
  return redirectWithFlash(`/pledges/${pledgeId}`, {
    kind: "success",
    message: sentBefore ? "You had already sent this pledge, so it was not sent again" : "Pledge sent",
  });
}

export default function PledgePage() {
  const data = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  // a pledge sent as the request closed (withdrawn, expired or fulfilled since the form was loaded): the closed page
  // says that this pledge was not sent, and shows what was written in it, which is not kept anywhere else
  if ("closed" in data)
    return (
      <ClosedRequestPage
        request={data.closed}
        refused={
          lastResult ? (
            <ErrorSummary
              errors={{ "": [`Your pledge was not sent: the request ${howItClosed(data.closed.status)}.`] }}
            />
          ) : null
        }
      >
        {lastResult ? <WhatYouWrote sent={lastResult.initialValue} /> : null}
      </ClosedRequestPage>
    );
  if ("registerFirst" in data) return <RegisterFirst {...data.registerFirst} />;
  if ("onlyBusinesses" in data) return <OnlyBusinessesPledge {...data.onlyBusinesses} />;
  return <PledgeForm {...data} />;
}

function RegisterFirst({ id, title, councilName, addBusiness }: RegisterFirstData) {
  return (
    <div className="max-w-2xl">
      <BackLink to={`/requests/${id}`}>Back to the request</BackLink>
      <PageHeading caption={`${title} · ${councilName}`}>Register your business to pledge</PageHeading>
      <p className="mb-4">
        Pledges are made by a business registered on this service, and your account does not have one yet.
        Register your business: when you have, we will bring you back here to pledge.
      </p>
      <p className="mb-6">
        The council checks a new business before it can pledge. You can look around in the meantime, and send
        your pledge from this page once the council has verified your business.
      </p>
      <p>
        <Link to={addBusiness} className="font-bold">
          Register your business
        </Link>
      </p>
    </div>
  );
}

function OnlyBusinessesPledge({ id, title, councilName, organisations, addBusiness }: OnlyBusinessesData) {
  return (
    <div className="max-w-2xl">
      <BackLink to={`/requests/${id}`}>Back to the request</BackLink>
      <PageHeading caption={`${title} · ${councilName}`}>Only businesses can pledge</PageHeading>
      <p className="mb-4">
        Pledges are made by businesses registered on this service. You are signed in for{" "}
        {organisations.length === 1 ? (
          <>
            <strong>{organisations[0]}</strong>, which cannot pledge
          </>
        ) : (
          "the organisations below, none of which can pledge"
        )}
        : charities, community groups and councils post and oversee requests instead.
      </p>
      {organisations.length > 1 ? (
        <ul className="mb-4 list-disc pl-6">
          {organisations.map((name) => (
            <li key={name}>{name}</li>
          ))}
        </ul>
      ) : null}
      <p className="mb-6">
        If you also work for a business, register it, or ask someone who runs its account here to invite you.
      </p>
      <p>
        <Link to={addBusiness} className="font-bold">
          Register a business
        </Link>
      </p>
    </div>
  );
}

// A pledge refused with no form to show it in again, read back so that what was written is not lost: what was typed,
// as it was typed (a date the browser's date box sent, as the page writes dates). Nothing typed, nothing shown.
function WhatYouWrote({ sent }: { sent: Record<string, unknown> | null | undefined }) {
  const typed = (name: string) => {
    const value = sent?.[name];
    return typeof value === "string" ? value.trim() : "";
  };
  const day = typed("expectedDeliveryDate");
  const rows = [
    { key: "How much", value: typed("quantity") },
    { key: "Message to the requestor", value: typed("message") },
    {
      key: "When you expected to deliver it",
      value: /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDate(day) : day,
    },
  ].filter((row) => row.value);
  if (!rows.length) return null;
  return (
    <InsetText>
      <h2 className="mb-2 text-xl font-bold">What you wrote</h2>
      <dl>
        {rows.map((row) => (
          <div key={row.key} className="mb-2">
            <dt className="font-bold">{row.key}</dt>
            <dd className="whitespace-pre-wrap">{row.value}</dd>
          </div>
        ))}
      </dl>
    </InsetText>
  );
}

type OnlyBusinessesData = Extract<
  SerializeFrom<typeof loader>,
  { onlyBusinesses: unknown }
>["onlyBusinesses"];

type RegisterFirstData = Extract<SerializeFrom<typeof loader>, { registerFirst: unknown }>["registerFirst"];

function PledgeForm({
  need,
  amount,
  commitments,
  ownPledges,
  organisationName,
  notVerified,
  own,
  takingPledges,
  fullyPledged,
  submissionKey,
  deliveryDays,
  deliveryExample,
}: Exclude<
  SerializeFrom<typeof loader>,
  { closed: unknown } | { registerFirst: unknown } | { onlyBusinesses: unknown }
>) {
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldRevalidate: "onSubmit" });
  const left = need.quantity - need.pledgedQuantity;
  // no day left for an expected delivery (the needed-by date passed): closed as one past its date is
  const closed = !takingPledges || left <= 0 || !deliveryDays;
  // no form to pledge with: the page says why instead
  const noForm = own || Boolean(fullyPledged) || closed || Boolean(notVerified);
  return (
    <>
      <BackLink to={`/requests/${need.id}`}>Back to the request</BackLink>
      {/* every council it is for, the lead council first (decision 050) */}
      <PageHeading caption={`${need.title} · ${listInWords(need.councilNames)}`}>
        Pledge to this request
      </PageHeading>
      <div className="mb-6">
        <p className="text-xl">
          <StillNeeded need={amount} />
        </p>
        <p>Needed by {formatDate(need.neededBy)}</p>
      </div>
      {ownPledges.length ? (
        <InsetText>
          <p className="mb-2">{organisationName} has already pledged to this request:</p>
          <ul className="list-disc pl-6">
            {ownPledges.map((p) => (
              <li key={p.id}>
                <Link to={`/pledges/${p.id}`}>
                  {p.pledgedText}, {pledgeStatusLabel(p.status)}
                </Link>{" "}
                (pledged on {formatDate(p.createdAt)})
              </li>
            ))}
          </ul>
          {noForm ? null : (
            <p className="mt-2">
              A pledge sent here is in addition to {ownPledges.length > 1 ? "these" : "this"}.
            </p>
          )}
        </InsetText>
      ) : null}
      {/* a pledge refused because the request filled or closed since the form was loaded: said so, by the
          reason below, as the form is no longer shown */}
      {noForm && form.errors?.length ? <ErrorSummary errors={{ "": ["Your pledge was not sent."] }} /> : null}
      {own ? (
        <InsetText>
          You cannot pledge to this request: you are also a member of the organisation that posted it.
        </InsetText>
      ) : fullyPledged ? (
        <InsetText>{fullyPledged}</InsetText>
      ) : closed ? (
        <InsetText>This request is closed to new pledges.</InsetText>
      ) : notVerified ? (
        <InsetText>{notVerified}</InsetText>
      ) : null}
      {/* what the refused pledge said, which is not kept anywhere else */}
      {noForm ? (
        form.errors?.length ? (
          <WhatYouWrote sent={lastResult?.initialValue} />
        ) : null
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate className="max-w-2xl">
          <ErrorSummary errors={form.allErrors} />
          <input type="hidden" name="submissionKey" value={submissionKey} />
          <TextInput
            name="quantity"
            label={`How much are you pledging (${quantityUnit(need.helpType, need.unitLabel)})?`}
            hint={`Up to ${formatQuantity(need.helpType, left, need.unitLabel)}`}
            inputMode="numeric"
            width="10"
            errors={fields.quantity.errors}
            defaultValue={fields.quantity.initialValue as string | undefined}
          />
          <Textarea
            name="message"
            label="Message to the requestor (optional)"
            rows={3}
            errors={fields.message.errors}
            defaultValue={fields.message.initialValue as string | undefined}
          />
          <DateInput
            name="expectedDeliveryDate"
            label="When do you expect to deliver it?"
            // its example is a day it takes, as the error's is (not a fixed date, refused once past or after the
            // needed-by date)
            hint={`On or before ${formatDate(need.neededBy)}, the date it is needed by, for example ${deliveryExample}`}
            min={deliveryDays.min}
            max={deliveryDays.max}
            errors={fields.expectedDeliveryDate.errors}
            defaultValue={fields.expectedDeliveryDate.initialValue as string | undefined}
          />
          {/* shown with its error even when none is left to choose (the chosen one stopped counting): the
              error sits by the field, and "None" can be chosen */}
          {commitments.length || fields.commitmentId.errors ? (
            <Select
              name="commitmentId"
              label="Which of your commitments does it count towards? (optional)"
              hint="Listed: commitments on your active contracts with a council this request is for whose measure counts this kind of help. A pledge counts towards one only if you deliver it by the day its contract ends."
              placeholder="None"
              // a request for several councils: each option says which council its contract is with
              options={commitments.map((c) => ({
                value: c.id,
                label: `${c.contract.reference} ${c.contract.title}${need.councilNames.length > 1 ? ` with ${c.contract.council.name}` : ""}: ${c.measure.name} (contract ends ${formatDate(c.contract.endDate)})`,
              }))}
              errors={fields.commitmentId.errors}
              defaultValue={fields.commitmentId.initialValue as string | undefined}
            />
          ) : null}
          <Button>Send pledge</Button>
        </Form>
      )}
    </>
  );
}
