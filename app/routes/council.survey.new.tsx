import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { clientIp } from "~/domain/audit/audit.server.ts";
import { dayToDate, londonDayIso } from "~/domain/calendar.ts";
import { requireSurveyOfficer } from "~/domain/survey/access.server.ts";
import { createCycle } from "~/domain/survey/cycles.server.ts";
import { cycleSchema } from "~/domain/survey/schemas.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, DateInput, ErrorSummary, Textarea, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";
import { formatDate } from "~/ui/format.ts";

export const meta: MetaFunction = () => [{ title: "Open a survey – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await requireSurveyOfficer(request);
  return json({ councilName: membership.organisationName, year: new Date().getUTCFullYear() });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await requireSurveyOfficer(request);
  const submission = parseWithZod(await readForm(request), { schema: cycleSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await createCycle(
    { userId: viewer.user.id, councilId: membership.organisationId, ipAddress: clientIp(request) },
    submission.value,
  );
  if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
  const { year, opensOn } = submission.value;
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
  const { councilName, year } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  return (
    <div className="max-w-3xl">
      <BackLink to="/council/survey" />
      <PageHeading caption={councilName}>Open a supplier diversity survey</PageHeading>
      <Form method="post" {...getFormProps(form)} noValidate>
        <ErrorSummary errors={form.allErrors} />
        <TextInput
          name={fields.year.name}
          label="Year"
          hint="The year the survey opens in."
          errors={fields.year.errors}
          defaultValue={(fields.year.initialValue as string) ?? String(year)}
          inputMode="numeric"
          width="4"
        />
        <DateInput
          name={fields.opensOn.name}
          label="Opens on"
          errors={fields.opensOn.errors}
          defaultValue={fields.opensOn.initialValue as string}
        />
        <DateInput
          name={fields.closesOn.name}
          label="Closes on"
          errors={fields.closesOn.errors}
          defaultValue={fields.closesOn.initialValue as string}
        />
        <Textarea
          name={fields.privacyNotice.name}
          label="Privacy notice"
          hint="Shown to every business before they agree to take part: what you collect, why, your lawful basis and who sees it."
          errors={fields.privacyNotice.errors}
          defaultValue={fields.privacyNotice.initialValue as string}
          rows={8}
        />
        <TextInput
          name={fields.dpiaReference.name}
          label="Data protection impact assessment reference"
          errors={fields.dpiaReference.errors}
          defaultValue={fields.dpiaReference.initialValue as string}
          width="20"
        />
        <TextInput
          name={fields.retentionMonths.name}
          label="Months to keep answers after the survey closes"
          hint="After this, answers are anonymised automatically: they are no longer linked to any business."
          errors={fields.retentionMonths.errors}
          defaultValue={(fields.retentionMonths.initialValue as string) ?? "36"}
          inputMode="numeric"
          width="3"
        />
        <Button>Open the survey</Button>
      </Form>
    </div>
  );
}
