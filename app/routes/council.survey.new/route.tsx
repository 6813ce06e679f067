import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/auth/request-context.server.ts";
import { dayToDate, londonDayIso } from "~/domain/calendar.ts";
import { requireSurveyOfficer } from "~/auth/survey-access.server.ts";
import { createCycle } from "~/domain/survey/cycles.server.ts";
import { closingDays, cycleSchema } from "~/domain/survey/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { formatDate } from "~/ui/format.ts";
import { actsForNamed } from "~/ui/acting-for.ts";
import { keepCouncil, withCouncil } from "~/ui/charts/record-links.ts";
import { CycleForm } from "./cycle-form.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Open a survey${data ? ` – ${data.councilName}` : ""} – Social Value Marketplace` },
];

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

// The council the address names (the survey list's link names the council it was opened for), else the header
// switcher's. The form is sent to an address naming the council the page was shown for, so the survey is opened for
// that council, or for none, whatever the switcher says by then.
export async function loader({ request }: LoaderFunctionArgs) {
  const { membership, named } = await requireSurveyOfficer(request);
  const councilId = membership.organisationId;
  return json({
    councilName: membership.organisationName,
    sendTo: withCouncil("/council/survey/new", councilId),
    backTo: keepCouncil("/council/survey", councilId, named),
    closingDays: closingDays(),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireSurveyOfficer(request);
  const submission = parseForm(await readForm(request), { schema: cycleSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createCycle(
    { userId: viewer.user.id, councilId: membership.organisationId, ipAddress: clientIp(request) },
    submission.value,
  );
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const { opensOn } = submission.value;
  const { year } = result.cycle;
  // opened for a later day, businesses cannot answer yet: the message says from when
  const later = opensOn > londonDayIso(new Date());
  return redirectWithFlash(`/council/survey/${result.cycle.id}`, {
    kind: "success",
    message: later
      ? `The ${year} survey is open to businesses from ${formatDate(dayToDate(opensOn))}`
      : `The ${year} survey is open`,
  });
}

export default function NewSurveyCycle() {
  const { councilName, sendTo, backTo, closingDays } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="max-w-3xl">
      <BackLink to={backTo} />
      <PageHeading caption={councilName}>Open a supplier diversity survey</PageHeading>
      <CycleForm
        lastResult={lastResult}
        defaultValue={{ retentionMonths: "36" }}
        submitLabel="Open the survey"
        closingDays={closingDays}
        action={sendTo}
      />
    </div>
  );
}
