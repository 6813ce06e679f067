// "Remove this commitment?": the commitment as saved now, what removing it does, and a button that names it.
// Removing was one click on the edit form, and a slip lost the commitment and its plan. This page works without
// JavaScript: the button posts the version shown here, so a colleague's change since is shown before anything goes.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { notFound } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireContractOfficer } from "~/auth/contract-access.server.ts";
import {
  getCommitmentForRemoval,
  getContractForCommitments,
  removeCommitment,
  removedCommitment,
} from "~/domain/contracts/commitments.server.ts";
import { readableValue } from "~/domain/contracts/history.ts";
import { commitmentRemoveSchema } from "~/domain/contracts/schemas.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { BackLink, Notice, PageHeading, SummaryList } from "~/ui/components.tsx";
import { AlreadyRemoved } from "./contracts.$id.commitments.new/already-removed.tsx";
import { alreadyRemoved } from "./contracts.$id.commitments.new/already-removed.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Form } from "~/ui/form-for.tsx";
import { Button } from "~/ui/form.tsx";
import { countOf, plural } from "~/ui/format.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the contract's council (its loader's councilId), which the page acts for whatever the switcher
// is on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title:
      data && "removed" in data
        ? "Commitment already removed – Social Value Marketplace"
        : "Remove a commitment – Social Value Marketplace",
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { membership } = await requireContractOfficer(request, params.id!);
  const [contract, commitment] = await Promise.all([
    getContractForCommitments(membership.organisationId, params.id!),
    getCommitmentForRemoval(membership.organisationId, params.id!, params.commitmentId!),
  ]);
  if (!contract) notFound();
  // Back to this page after removing, or its link opened again: it says the commitment is gone (410 Gone)
  if (!commitment) return alreadyRemoved(membership.organisationId, contract, params.commitmentId!);
  const shown = { id: contract.id, reference: contract.reference, title: contract.title };
  return json({ councilId: membership.organisationId, contract: shown, commitment });
}

type Reply = { problem: "stale" | "refused" | "removed"; message: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, membership } = await requireContractOfficer(request, params.id!);
  const submission = parseForm(await readForm(request), { schema: commitmentRemoveSchema });
  if (submission.status !== "success")
    return json<Reply>(
      {
        problem: "refused",
        message: Object.values(submission.error ?? {}).flat()[0] ?? "It was not removed.",
      },
      { status: 400 },
    );
  const result = await removeCommitment(
    { councilId: membership.organisationId, actorUserId: viewer.user.id, ipAddress: clientIp(request) },
    params.id!,
    params.commitmentId!,
    submission.value,
  );
  if (!result.ok) {
    if ("notFound" in result) {
      // sent again from this page after it was removed (by a colleague, or long enough ago not to be the same
      // click): nothing more is removed, and the page read again says it is gone
      if (await removedCommitment(membership.organisationId, params.id!, params.commitmentId!))
        return json<Reply>(
          { problem: "removed", message: "This commitment has already been removed." },
          { status: 410 },
        );
      notFound();
    }
    // the page is read again after this answer: it shows the commitment as the colleague left it, and its version
    if ("stale" in result)
      return json<Reply>(
        {
          problem: "stale",
          message:
            "Someone else changed this commitment after you opened this page, so it has not been removed. It is shown below as it is now: remove it again if you still want to.",
        },
        { status: 409 },
      );
    return json<Reply>(
      { problem: "refused", message: Object.values(result.fieldErrors).flat()[0] ?? "It was not removed." },
      { status: 400 },
    );
  }
  return redirectWithFlash(`/contracts/${params.id}`, { kind: "success", message: "Commitment removed" });
}

export default function RemoveCommitment() {
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  if ("removed" in data) return <AlreadyRemoved contract={data.contract} measure={data.removed.measure} />;
  const { contract, commitment } = data;
  const name = `${commitment.measure.code} ${commitment.measure.name}`;
  const back = `/contracts/${contract.id}/commitments/${encodeURIComponent(commitment.id)}`;
  // as the contract's history reads them: "120 hours", "Q1 2025/26: 60 hours; Q2 2025/26: 60 hours"
  const readable = (field: "targetQuantity" | "plan", value: string | null) =>
    readableValue(field, value, commitment.measure.unit);
  return (
    <div className="max-w-3xl">
      <BackLink to={back}>Back to the commitment</BackLink>
      <PageHeading caption={`${contract.reference}: ${contract.title}`}>
        Are you sure you want to remove the commitment {name}?
      </PageHeading>
      {reply ? (
        <Notice
          kind="error"
          title={reply.problem === "stale" ? "Someone else changed this commitment" : "Not removed"}
        >
          {reply.message}
        </Notice>
      ) : null}
      <SummaryList
        rows={[
          { key: "Measure", value: name },
          commitment.qualitativeText !== null
            ? { key: "Commitment", value: commitment.qualitativeText }
            : {
                key: "Target",
                value: readable("targetQuantity", commitment.targetQuantity) ?? "Not set",
              },
          ...(commitment.plan ? [{ key: "Quarterly plan", value: readable("plan", commitment.plan) }] : []),
        ]}
      />
      {commitment.hasDelivery ? (
        <>
          <p className="mb-4">
            This commitment cannot be removed: delivery is recorded against it (
            {[
              commitment.pledges
                ? countOf(commitment.pledges, "marketplace pledge", "marketplace pledges")
                : null,
              commitment.recordedLines
                ? `${countOf(commitment.recordedLines, "KPI return line", "KPI return lines")} with answers`
                : null,
            ]
              .filter(Boolean)
              .join(" and ")}
            ).
          </p>
          <p>
            <Link to={back}>Back to the commitment</Link>
          </p>
        </>
      ) : (
        <>
          <h2 className="mb-2 text-xl font-bold">What removing it does</h2>
          <ul className="mb-6 list-disc pl-6">
            <li>The commitment, its target and its quarterly plan are deleted. This cannot be undone.</li>
            <li>
              Nothing has been reported against it: no marketplace pledge counts towards it and no KPI return
              records anything for it. A commitment with delivery recorded against it cannot be removed.
            </li>
            <li>
              The supplier will not be asked about it in KPI returns any more.
              {commitment.blankLines
                ? ` The ${countOf(commitment.blankLines, "blank line", "blank lines")} for it in returns not yet sent ${plural(commitment.blankLines, "goes", "go")} with it.`
                : ""}
            </li>
            <li>The contract’s history keeps a record of the removal and of what the commitment was.</li>
          </ul>
          <Form method="post" className="flex flex-wrap items-center gap-6">
            <input type="hidden" name="version" value={commitment.version} />
            <Button variant="warning">Yes, remove {name}</Button>
            <Link to={back}>No, keep it</Link>
          </Form>
        </>
      )}
    </div>
  );
}
