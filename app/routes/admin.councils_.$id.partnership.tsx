// "Remove this council from its partnership?": taking a council out of its partnership (to none, or moving it to
// another) ends its officers' work for the partner councils and the partners' officers' work for it. It was one
// click on /admin/councils; this page says who loses access to which councils first. Joining a partnership (from
// none, or by a move) lets the new partners' partnership-wide members work for the council as officers: the page
// names them too, so its records are not opened to anyone unseen (decision 011). It works without JavaScript:
// "Save" on that page leads here, and the button posts the partnership shown and who the page named (a fingerprint,
// `peopleShown`): a change made meanwhile, or anyone made partnership-wide since, is shown before anything happens.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound, requirePlatformAdmin } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import {
  currentPartnershipOf,
  partnershipChangePlan,
  setCouncilPartnership,
} from "~/domain/accounts/organisations.server.ts";
import { confirmPartnershipChangeSchema } from "~/domain/accounts/schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { BackLink, Notice, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Form } from "~/ui/form-for.tsx";
import { Button } from "~/ui/form.tsx";
import { listInWords } from "~/ui/format.ts";

// names the council (and the partnership it would move to), so each council's page has a title of its own
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${!data ? "Change a council's partnership" : !data.from && data.to ? `Add a council to a partnership: ${data.council.name} to ${data.to.name}` : data.to ? `Move a council to another partnership: ${data.council.name} to ${data.to.name}` : `Remove a council from its partnership: ${data.council.name}`} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  const to = new URL(request.url).searchParams.get("to") || null;
  const plan = await partnershipChangePlan(params.id!, to);
  if (!plan) notFound();
  // nothing to confirm: already where it would go, or joining one whose councils share nobody (it joins at once)
  if (!plan.asksFirst) return redirect("/admin/councils");
  return json(plan);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const viewer = await requirePlatformAdmin(request);
  const submission = parseForm(await readForm(request), {
    schema: confirmPartnershipChangeSchema,
    hidden: ["partnershipId", "from", "peopleShown"],
  });
  if (submission.status !== "success")
    return json(
      { message: Object.values(submission.error ?? {}).flat()[0] ?? "Nothing was changed." },
      { status: 400 },
    );
  const { partnershipId, peopleShown } = submission.value;
  const from = submission.value.from ?? null;
  const current = await currentPartnershipOf(params.id!);
  if (current === undefined) notFound();
  const target = partnershipId ?? null;
  // "Yes, remove" sent twice: what was asked for is so already, answered as the first was (decision 024), not as a
  // change someone else made meanwhile
  if (current === target && current !== from) {
    const now = await partnershipChangePlan(params.id!, target);
    if (!now) notFound();
    return redirectWithFlash("/admin/councils", {
      kind: "success",
      message: !now.from
        ? `${now.council.name} removed from its partnership`
        : from
          ? `${now.council.name} moved to ${now.from.name}`
          : `${now.council.name} added to ${now.from.name}`,
    });
  }
  if (current !== from)
    return json(
      {
        message:
          "Someone else changed this council's partnership after you opened this page, so nothing was changed. It is shown below as it is now.",
      },
      { status: 409 },
    );
  const plan = await partnershipChangePlan(params.id!, partnershipId ?? null);
  if (!plan) return json({ message: "That partnership no longer exists." }, { status: 400 });
  const changed = await setCouncilPartnership(
    viewer.user.id,
    params.id!,
    partnershipId ?? null,
    requestContext(request),
    peopleShown ?? "",
  );
  // someone gained or lost a place on the lists since the page was shown: shown again as it is now (the loader)
  if (changed === "not-as-shown" || changed === "asks-first")
    return json(
      {
        message:
          "Who would gain or lose access changed after you opened this page, so nothing was changed. The page now shows who it is: check them and confirm again.",
      },
      { status: 409 },
    );
  if (changed === "no-partnership")
    return json({ message: "That partnership no longer exists." }, { status: 400 });
  if (!changed) notFound();
  return redirectWithFlash("/admin/councils", {
    kind: "success",
    message: !plan.to
      ? `${plan.council.name} removed from ${plan.from?.name ?? "its partnership"}`
      : plan.from
        ? `${plan.council.name} moved to ${plan.to.name}`
        : `${plan.council.name} added to ${plan.to.name}`,
  });
}

type Officer = { id: string; name: string; email: string; councilNames: string[] };

export default function ConfirmPartnershipChange() {
  const { council, from, to, ownOfficers, partnerOfficers, newPartnerOfficers, peopleShown } =
    useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const notice = reply ? (
    <Notice kind="error" title="Nothing was changed">
      {reply.message}
    </Notice>
  ) : null;
  const form = (button: string) => (
    <Form method="post" className="flex flex-wrap items-center gap-6">
      <input type="hidden" name="partnershipId" value={to?.id ?? ""} />
      <input type="hidden" name="from" value={from?.id ?? ""} />
      <input type="hidden" name="peopleShown" value={peopleShown} />
      <Button variant="warning">{button}</Button>
      <Link to="/admin/councils">Cancel</Link>
    </Form>
  );
  // the loader sends anything else back to /admin/councils
  if (!from && !to) return null;
  if (!from && to)
    return (
      <div className="max-w-3xl">
        <BackLink to="/admin/councils">Back to councils and partnerships</BackLink>
        <PageHeading caption="Platform administration">
          {`Are you sure you want to add ${council.name} to ${to.name}?`}
        </PageHeading>
        {notice}
        <h2 className="mb-2 text-xl font-bold">What happens</h2>
        <ul className="mb-6 list-disc pl-6">
          <li>
            {council.name} starts sharing people with {partnersOf(to)}. Records stay with the council they
            belong to: each council still sees only its own.
          </li>
          <li>
            <NewPartnerOfficers council={council.name} officers={newPartnerOfficers} />
          </li>
          <li>
            {council.name}&apos;s admins can let its own members work for the partner councils: nobody does
            until they do.
          </li>
          <li>The council&apos;s audit log records the change.</li>
        </ul>
        {form(`Yes, add ${council.name} to ${to.name}`)}
      </div>
    );
  if (!from) return null;
  const partners = partnersOf(from);
  return (
    <div className="max-w-3xl">
      <BackLink to="/admin/councils">Back to councils and partnerships</BackLink>
      <PageHeading caption="Platform administration">
        {to
          ? `Are you sure you want to move ${council.name} from ${from.name} to ${to.name}?`
          : `Are you sure you want to remove ${council.name} from ${from.name}?`}
      </PageHeading>
      {notice}
      <h2 className="mb-2 text-xl font-bold">What happens</h2>
      <ul className="mb-6 list-disc pl-6">
        <li>
          {council.name} stops sharing people with {partners}. Records stay with the council they belong to:
          nothing is deleted.
        </li>
        <li>
          {ownOfficers.length ? (
            <>
              {ownOfficers.length === 1 ? "This member" : `These ${ownOfficers.length} members`} of{" "}
              {council.name} will no longer be able to work for {partners} (they keep their access to{" "}
              {council.name}):
              <ul className="mt-2 list-disc pl-6">
                {ownOfficers.map((m) => (
                  <li key={m.id}>
                    {m.name} ({m.email})
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <>No members of {council.name} work for the partner councils, so none of them loses access.</>
          )}
        </li>
        <li>
          {partnerOfficers.length ? (
            <>
              {partnerOfficers.length === 1 ? "This member" : `These ${partnerOfficers.length} members`} of
              the partner councils will no longer be able to work for {council.name} (they keep their access
              to their own council):
              <OfficerList officers={partnerOfficers} />
            </>
          ) : (
            <>No members of the partner councils work for {council.name}, so none of them loses access.</>
          )}
        </li>
        {to ? (
          <>
            <li>
              <NewPartnerOfficers council={council.name} officers={newPartnerOfficers} />
            </li>
            <li>
              In {to.name}, {council.name}&apos;s admins can let its members work for the new partners: nobody
              does until they do.
            </li>
          </>
        ) : null}
        <li>The council&apos;s audit log records the change and each access ended.</li>
      </ul>
      {form(to ? `Yes, move ${council.name} to ${to.name}` : `Yes, remove ${council.name} from ${from.name}`)}
    </div>
  );
}

const partnersOf = (partnership: { name: string; partners: string[] }) =>
  partnership.partners.length
    ? listInWords(partnership.partners)
    : `the other councils of ${partnership.name}`;

// who starts working for the council as an officer, chosen by their own council's admins (decision 011)
function NewPartnerOfficers({ council, officers }: { council: string; officers: Officer[] }) {
  if (!officers.length)
    return (
      <>
        No members of the new partner councils work for every council of the partnership, so nobody else can
        work for {council} yet.
      </>
    );
  return (
    <>
      {officers.length === 1 ? "This member" : `These ${officers.length} members`} of the partner councils,
      whom their own council&apos;s admins let work for every council of the partnership, will be able to work
      for {council} as officers, on its records too (never as its admins, and without survey access):
      <OfficerList officers={officers} />
    </>
  );
}

function OfficerList({ officers }: { officers: Officer[] }) {
  return (
    <ul className="mt-2 list-disc pl-6">
      {officers.map((m) => (
        <li key={m.id}>
          {m.name} ({m.email}), {listInWords(m.councilNames)}
        </li>
      ))}
    </ul>
  );
}
