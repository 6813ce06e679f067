import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { z } from "zod";
import { notFound, requireCouncilAdminOf } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { getCouncilSettings, updateCouncilSettings } from "~/domain/content/council-settings.server.ts";
import { brandColourUsable, DEFAULT_BRAND_COLOUR } from "~/domain/content/brand-colour.ts";
import { councilSettingsSchema, RETURN_DUE_DAYS } from "~/domain/content/schemas.ts";
import { keepCouncil } from "~/ui/charts/record-links.ts";
import { Notice, PageHeading } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, TextInput } from "~/ui/form.tsx";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForNamed } from "~/ui/acting-for.ts";

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export const meta: MetaFunction = () => [{ title: "Council settings – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // the council a link names (`council=<id>`, the dashboard's), else the header switcher's: its admins only
  const named = new URL(request.url).searchParams.get("council");
  const { membership } = await requireCouncilAdminOf(request, named, "change the council settings");
  const settings = await getCouncilSettings(membership.organisationId);
  if (!settings) notFound();
  // a colour saved before the form's checks, or by hand: pages and emails show the default instead (brandColourToShow),
  // and the admin is told so, with the default in the field, rather than shown a colour no page uses
  const brandColourUnusable = !brandColourUsable(settings.brandColour);
  return json({
    settings: brandColourUnusable ? { ...settings, brandColour: DEFAULT_BRAND_COLOUR } : settings,
    brandColourUnusable,
    councilId: membership.organisationId,
  });
}

// The form names the council it was shown for: an admin of several councils may have switched to another in
// another window since, and these settings (the council's name among them) are not that one's.
const actionSchema = councilSettingsSchema.safeExtend({ councilId: z.string().optional() });

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership: acting } = await requireCouncilAdminOf(
    request,
    undefined,
    "change the council settings",
  );
  const submission = parseForm(await readForm(request), { schema: actionSchema, hidden: ["councilId"] });
  const shownFor = submission.payload.councilId;
  // a page rendered before the form named its council: the council being worked for, as before. The council it
  // names is refused as its page is: 403 to its own officer without the role (decision 043), 404 to anyone else
  const { membership } =
    typeof shownFor === "string" && shownFor !== acting.organisationId
      ? await requireCouncilAdminOf(request, shownFor, "change the council settings")
      : { membership: acting };
  if (submission.status !== "success")
    return json({ ...submission.reply(), councilName: membership.organisationName }, { status: 400 });
  const { councilId: _shownFor, ...input } = submission.value;
  const saved = await updateCouncilSettings({
    councilId: membership.organisationId,
    actorUserId: viewer.user.id,
    ipAddress: clientIp(request),
    input,
  });
  if (!saved.ok)
    return json(
      { ...submission.reply({ fieldErrors: saved.fieldErrors }), councilName: membership.organisationName },
      { status: 400 },
    );
  const message = membership === acting ? "Settings saved" : `Settings saved for ${input.councilName}`;
  // back to the settings of the council saved, when the address or the form named it
  const named = membership !== acting || new URL(request.url).searchParams.has("council");
  return redirectWithFlash(keepCouncil("/council/settings", membership.organisationId, named), {
    kind: "success",
    message,
  });
}

export default function CouncilSettings() {
  const { settings, brandColourUnusable, councilId } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      ...settings,
      councilId,
      returnDueDays: String(settings.returnDueDays),
      reminderDaysBefore: String(settings.reminderDaysBefore),
      overdueReminderDays: String(settings.overdueReminderDays),
      proxyValueSource: settings.proxyValueSource ?? "",
      contactEmail: settings.contactEmail ?? "",
    },
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: actionSchema }),
  });
  const value = (field: { initialValue?: unknown }) => field.initialValue as string | undefined;
  return (
    <>
      <PageHeading caption={lastResult?.councilName ?? settings.councilName}>Council settings</PageHeading>
      {brandColourUnusable ? (
        <Notice title="Your brand colour could not be used">
          <p>
            The brand colour saved for your council is not a hex code dark enough for white text, so pages and
            emails show the default colour, {DEFAULT_BRAND_COLOUR}, instead. The brand colour field below
            shows the default: <a href="#brandColour">enter your council&apos;s colour</a> and save the
            settings, or save them as they are to keep the default.
          </p>
        </Notice>
      ) : null}
      <Form method="post" {...getFormProps(form)} noValidate className="max-w-2xl">
        {/* the fields in page order: the check that the reminder comes after a return opens is made after every
            field's own, so its refusal came last, below the brand colour's and the source's */}
        <ErrorSummary
          errors={form.allErrors}
          order={[
            fields.councilName.name,
            fields.contactEmail.name,
            fields.returnDueDays.name,
            fields.reminderDaysBefore.name,
            fields.overdueReminderDays.name,
            fields.brandColour.name,
            fields.proxyValueSource.name,
          ]}
        />
        <input
          type="hidden"
          name={fields.councilId.name}
          key={fields.councilId.key}
          defaultValue={value(fields.councilId)}
        />
        <TextInput
          name={fields.councilName.name}
          key={fields.councilName.key}
          defaultValue={value(fields.councilName)}
          label="Council name"
          hint="Shown in the header, on reports and in emails"
          errors={fields.councilName.errors}
        />
        <TextInput
          name={fields.contactEmail.name}
          key={fields.contactEmail.key}
          defaultValue={value(fields.contactEmail)}
          label="Social value team email address (optional)"
          hint="Where suppliers and community groups can write to you. Shown to anyone on the public accessibility and privacy pages, and given in the emails that tell them of a decision: use a shared team address, not a personal one."
          errors={fields.contactEmail.errors}
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <h2 className="mb-4 text-2xl font-bold">Quarterly returns</h2>
        <TextInput
          name={fields.returnDueDays.name}
          key={fields.returnDueDays.key}
          defaultValue={value(fields.returnDueDays)}
          label="Days after the end of the quarter that a return is due"
          hint={`Between ${RETURN_DUE_DAYS.min} and ${RETURN_DUE_DAYS.max}. Applies to returns opened from now on. A return opened late (a contract registered after its quarter ended) with its due date passed or nearer than the reminder is due this many days from the day it opens.`}
          errors={fields.returnDueDays.errors}
          inputMode="numeric"
          width="3"
        />
        <TextInput
          name={fields.reminderDaysBefore.name}
          key={fields.reminderDaysBefore.key}
          defaultValue={value(fields.reminderDaysBefore)}
          label="Days before the due date to send a reminder"
          hint="Between 1 and 30, and fewer than the days a return is due after quarter end"
          errors={fields.reminderDaysBefore.errors}
          inputMode="numeric"
          width="3"
        />
        <TextInput
          name={fields.overdueReminderDays.name}
          key={fields.overdueReminderDays.key}
          defaultValue={value(fields.overdueReminderDays)}
          label="Days between reminders once a return is overdue"
          hint="Between 1 and 30"
          errors={fields.overdueReminderDays.errors}
          inputMode="numeric"
          width="3"
        />
        <h2 className="mb-4 text-2xl font-bold">Appearance and values</h2>
        <TextInput
          name={fields.brandColour.name}
          key={fields.brandColour.key}
          defaultValue={value(fields.brandColour)}
          label="Brand colour"
          hint="A hex code such as #1d3d7a. It sits behind white text, so it must be dark enough to read (contrast at least 4.5 to 1)."
          errors={fields.brandColour.errors}
          width="10"
          spellCheck={false}
        />
        <TextInput
          name={fields.proxyValueSource.name}
          key={fields.proxyValueSource.key}
          defaultValue={value(fields.proxyValueSource)}
          label="Where your local £ values come from (optional)"
          hint="Shown next to every £ figure worked out from your measures' proxy values, for example “Northshire proxy values, Cabinet report March 2026”"
          errors={fields.proxyValueSource.errors}
        />
        <Button>Save settings</Button>
      </Form>
    </>
  );
}
