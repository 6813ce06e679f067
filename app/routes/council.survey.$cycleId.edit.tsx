import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { clientIp } from "~/domain/audit/audit.server.ts";
import { requireSurveyCycle } from "~/domain/survey/access.server.ts";
import { changeCycle } from "~/domain/survey/cycles.server.ts";
import { cycleSchema } from "~/domain/survey/schemas.ts";
import { hasOpened } from "~/domain/survey/stages.ts";
import { BackLink, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, DateInput, ErrorSummary, Textarea, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";
import { formatDate, isoDate } from "~/ui/format.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Change the ${data?.cycle.year ?? ""} survey – Social Value Marketplace` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { cycle } = await requireSurveyCycle(request, params.cycleId!);
  return json({
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
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { viewer, cycle } = await requireSurveyCycle(request, params.cycleId!);
  // the year is the cycle's own (not on the form): the schema is the one a new cycle is checked with
  const form = await readForm(request);
  form.set("year", String(cycle.year));
  // once open, the opening date and notice stay as stored: not sent back through the page, where a browser
  // could change the notice's line endings and so make it look changed
  if (hasOpened(cycle)) {
    form.set("opensOn", isoDate(cycle.opensOn));
    form.set("privacyNotice", cycle.privacyNotice);
  }
  const submission = parseWithZod(form, { schema: cycleSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const result = await changeCycle(
    { userId: viewer.user.id, councilId: cycle.councilId, ipAddress: clientIp(request) },
    cycle.id,
    submission.value,
  );
  if (!result.ok) return json(submission.reply(result), { status: 400 });
  return redirectWithFlash(`/council/survey/${cycle.id}`, {
    kind: "success",
    message: result.changed.length ? `The ${cycle.year} survey is changed` : "Nothing was changed",
  });
}

export default function ChangeSurveyCycle() {
  const { cycle } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult });
  const value = (name: keyof typeof cycle) =>
    (fields[name as keyof typeof fields]?.initialValue as string | undefined) ?? String(cycle[name]);
  return (
    <div className="max-w-3xl">
      <BackLink to={`/council/survey/${cycle.id}`} />
      <PageHeading caption={cycle.councilName}>Change the {cycle.year} supplier diversity survey</PageHeading>
      {!cycle.open ? (
        <p>This survey has closed: it can no longer be changed.</p>
      ) : (
        <Form method="post" {...getFormProps(form)} noValidate>
          <ErrorSummary errors={form.allErrors} />
          {cycle.opened ? (
            <>
              <p className="mb-4">
                The survey opened on {formatDate(cycle.opensOn)}, so its opening date stays. Its privacy
                notice stays too: businesses agreed to take part on what it says.
              </p>
            </>
          ) : (
            <p className="mb-4">
              You can change the privacy notice until the survey opens on {formatDate(cycle.opensOn)}: after
              that, businesses have agreed to take part on what it says.
            </p>
          )}
          {cycle.opened ? null : (
            <DateInput
              name={fields.opensOn.name}
              label="Opens on"
              errors={fields.opensOn.errors}
              defaultValue={value("opensOn")}
            />
          )}
          <DateInput
            name={fields.closesOn.name}
            label="Closes on"
            errors={fields.closesOn.errors}
            defaultValue={value("closesOn")}
          />
          {cycle.opened ? null : (
            <Textarea
              name={fields.privacyNotice.name}
              label="Privacy notice"
              hint="Shown to every business before they agree to take part: what you collect, why, your lawful basis and who sees it."
              errors={fields.privacyNotice.errors}
              defaultValue={value("privacyNotice")}
              rows={8}
            />
          )}
          <TextInput
            name={fields.dpiaReference.name}
            label="Data protection impact assessment reference"
            errors={fields.dpiaReference.errors}
            defaultValue={value("dpiaReference")}
            width="20"
          />
          <TextInput
            name={fields.retentionMonths.name}
            label="Months to keep answers after the survey closes"
            hint="After this, answers are anonymised automatically: they are no longer linked to any business."
            errors={fields.retentionMonths.errors}
            defaultValue={value("retentionMonths")}
            inputMode="numeric"
            width="3"
          />
          <Button>Save changes</Button>
        </Form>
      )}
    </div>
  );
}
