import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireSurveyCycle } from "~/auth/survey-access.server.ts";
import { changeCycle } from "~/domain/survey/cycles.server.ts";
import { closingDays, cycleSchema } from "~/domain/survey/schemas.ts";
import { hasOpened } from "~/domain/survey/stages.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { formatDate, isoDate } from "~/ui/format.ts";
import { CycleForm } from "./council.survey.new/cycle-form.tsx";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the survey's council (its loader's councilId), which the page acts for whatever the switcher is
// on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `Change the ${data.cycle.year} survey – ${data.cycle.councilName}` : "Change a survey"} – Social Value Marketplace`,
  },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await requireSurveyCycle(request, params.cycleId!);
  return json({
    councilId: cycle.councilId,
    cycle: {
      id: cycle.id,
      year: cycle.year,
      councilName: cycle.council.name,
      open: cycle.status === "OPEN",
      opened: hasOpened(cycle),
      opensOn: isoDate(cycle.opensOn),
      closesOn: isoDate(cycle.closesOn),
      privacyNotice: cycle.privacyNotice,
      dpiaReference: cycle.dpiaReference,
      retentionMonths: String(cycle.retentionMonths),
    },
    closingDays: closingDays(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, cycle } = await requireSurveyCycle(request, params.cycleId!);
  // (the year is not asked: a new opening date gives the cycle that date's year)
  const form = await readForm(request);
  // once open, the opening date and notice stay as stored: not sent back through the page, where a browser
  // could change the notice's line endings and so make it look changed
  if (hasOpened(cycle)) {
    form.set("opensOn", isoDate(cycle.opensOn));
    form.set("privacyNotice", cycle.privacyNotice);
  }
  const submission = parseForm(form, { schema: cycleSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await changeCycle(
    { userId: viewer.user.id, councilId: cycle.councilId, ipAddress: clientIp(request) },
    cycle.id,
    submission.value,
  );
  if (!result.ok) return json(submission.reply(result), { status: 400 });
  return redirectWithFlash(`/council/survey/${cycle.id}`, {
    kind: "success",
    message: result.changed.includes("year")
      ? `The survey is changed: it now opens in ${result.year}, so it is the ${result.year} survey`
      : result.changed.length
        ? `The ${result.year} survey is changed`
        : "Nothing was changed",
  });
}

export default function ChangeSurveyCycle() {
  const { cycle, closingDays } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to={`/council/survey/${cycle.id}`} />
      <PageHeading caption={cycle.councilName}>Change the {cycle.year} supplier diversity survey</PageHeading>
      {!cycle.open ? (
        <p>This survey has closed: it can no longer be changed.</p>
      ) : (
        <CycleForm
          lastResult={lastResult}
          defaultValue={cycle}
          opened={cycle.opened}
          submitLabel="Save changes"
          closingDays={closingDays}
        >
          <p className="mb-4">
            {cycle.opened
              ? `The survey opened on ${formatDate(cycle.opensOn)}, so its opening date stays. Its privacy notice stays too: businesses agreed to take part on what it says. For the same reason, answers can be kept for less time than businesses were told, not longer.`
              : `You can change the privacy notice until the survey opens on ${formatDate(cycle.opensOn)}: after that, businesses have agreed to take part on what it says.`}
          </p>
        </CycleForm>
      )}
    </div>
  );
}
