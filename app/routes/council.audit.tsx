import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { z } from "zod";
import { requireCouncilAdminOf } from "~/auth/permissions.server.ts";
import { dayToDate } from "~/domain/calendar.ts";
import { dayProblem, parseDay } from "~/domain/contracts/values.ts";
import { auditFilterOptions, searchAuditLog } from "~/domain/audit/audit-log.server.ts";
import { auditActionLabel, auditRecordTypeLabel, labelledChoices } from "~/domain/audit/audit-labels.ts";
import { pageNumberField } from "~/domain/page-number.ts";
import { PageHeading, Pagination, Table } from "~/ui/components.tsx";
import { Button, DateInput, ErrorSummary, Select, TextInput } from "~/ui/form.tsx";
import { formatDateTimeToSecond, formatNumber, listInWords } from "~/ui/format.ts";
import { emptyOrPastLastPage } from "~/ui/past-last-page.tsx";
import { actsForNamed } from "~/ui/acting-for.ts";
import { ResultsHeading } from "~/ui/results-heading.tsx";

export const meta: MetaFunction = () => [{ title: "Audit log – Social Value Marketplace" }];

// a day that exists (30 February does not: Date.parse would quietly roll it into March), written as a date field
// sends it or as the boxes' hint shows it (27/03/2027, what a browser without a date picker is typed into)
// (a real date in a year out of range, such as 1900 or a slip for 2026 like 2206, is told the years it may be in).
// Each message names its date, as the end-before-start one does: the summary at the top lists both, and two
// identical "Enter a real date" lines there did not say which box was wrong.
const dayField = (which: "start" | "end") =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .superRefine((v, ctx) => {
        if (parseDay(v) !== null) return;
        const problem = dayProblem(v, `Enter the ${which} date as a real date, for example 27/03/2027`);
        ctx.addIssue({
          code: "custom",
          message: problem.replace(/^Enter a date /, `Enter ${which === "end" ? "an" : "a"} ${which} date `),
        });
      })
      .transform((v) => dayToDate(parseDay(v)!))
      .optional(),
  );

const NOT_OFFERED = {
  organisationId: "Select an organisation from the list",
  entityType: "Select a record type from the list",
  action: "Select an action from the list",
};

// each filter's problem in words, shown next to it (an address can carry anything, not only what the form offers)
const filtersSchema = z.object({
  user: z
    .string()
    .trim()
    .max(200, "User must be 200 characters or fewer")
    .optional()
    .transform((v) => v || undefined),
  organisationId: z
    .string()
    .max(40, NOT_OFFERED.organisationId)
    .optional()
    .transform((v) => v || undefined),
  entityType: z
    .string()
    .max(80, NOT_OFFERED.entityType)
    .optional()
    .transform((v) => v || undefined),
  action: z
    .string()
    .max(80, NOT_OFFERED.action)
    .optional()
    .transform((v) => v || undefined),
  from: dayField("start"),
  to: dayField("end"),
  page: pageNumberField,
});

// the filters as their boxes are labelled
const FILTER_NAMES = {
  user: "User",
  organisationId: "Organisation",
  entityType: "Record type",
  action: "Action",
  from: "From",
  to: "To",
};

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  // the council a link names (`council=<id>`, the dashboard's), else the header switcher's: its admins only
  const named = new URL(request.url).searchParams.get("council");
  const { membership } = await requireCouncilAdminOf(request, named, "see the audit log");
  const councilId = membership.organisationId;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const options = await auditFilterOptions(councilId, membership.surveyAccess);
  // each filter is checked on its own: one bad date does not throw away the others
  const errors: Record<string, string[]> = {};
  const filters: Partial<z.infer<typeof filtersSchema>> & { page: number } = { page: 1 };
  for (const [key, field] of Object.entries(filtersSchema.shape)) {
    const parsed = field.safeParse(params[key]);
    if (parsed.success) Object.assign(filters, { [key]: parsed.data });
    else errors[key] = [parsed.error.issues[0]?.message ?? "Check this filter"];
  }
  // a choice the lists do not hold (an old or hand-made link) is not applied unseen while its box shows "Any"
  const offered = {
    organisationId: options.organisations.map((o) => o.id),
    entityType: options.entityTypes,
    action: options.actions,
  };
  for (const key of ["organisationId", "entityType", "action"] as const) {
    const chosen = filters[key];
    if (chosen === undefined || offered[key].includes(chosen)) continue;
    errors[key] = [NOT_OFFERED[key]];
    filters[key] = undefined;
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = ["The end date must be the same as or after the start date"];
    filters.to = undefined;
  }
  const result = await searchAuditLog(councilId, membership.surveyAccess, filters);
  // a filter with a problem is not applied: the count says so, not "N entries" as if every filter were (a start
  // date of 2026-13-45 counted the whole log under a form showing that date)
  const unapplied = (Object.keys(FILTER_NAMES) as (keyof typeof FILTER_NAMES)[])
    .filter((key) => errors[key])
    .map((key) => FILTER_NAMES[key]);
  return json({
    councilName: membership.organisationName,
    // the filter form keeps the council the address names (its pages keep the whole address)
    namedCouncil: named ? councilId : null,
    params,
    errors,
    unapplied,
    options,
    total: result.total,
    pageCount: result.pageCount,
    page: filters.page,
    entries: result.entries,
  });
}

export default function AuditLog() {
  const { councilName, namedCouncil, params, errors, unapplied, options, total, page, pageCount, entries } =
    useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <PageHeading caption={councilName}>Audit log</PageHeading>
      <ErrorSummary errors={errors} />
      <Form method="get" className="mb-8 border-l-8 border-line pl-4" aria-label="Filter the audit log">
        {namedCouncil ? <input type="hidden" name="council" value={namedCouncil} /> : null}
        <h2 className="mb-4 text-xl font-bold">Filter</h2>
        <div className="grid gap-x-6 sm:grid-cols-2">
          <TextInput
            name="user"
            label="User (name or email)"
            defaultValue={params.user}
            errors={errors.user}
          />
          <Select
            name="organisationId"
            label="Organisation"
            // a business's or group's own sign-ins are not the council's to read (audit-log.server.ts): only its staff's
            hint="What its people did for it. For your council, also its staff’s sign-ins and what the system did"
            placeholder="Any organisation"
            defaultValue={params.organisationId}
            errors={errors.organisationId}
            options={options.organisations.map((o) => ({ value: o.id, label: o.name }))}
          />
          <Select
            name="entityType"
            label="Record type"
            placeholder="Any record type"
            defaultValue={params.entityType}
            errors={errors.entityType}
            // named in words; the address keeps the code, so a link shared before still filters the same
            options={labelledChoices(options.entityTypes, auditRecordTypeLabel)}
          />
          <Select
            name="action"
            label="Action"
            placeholder="Any action"
            defaultValue={params.action}
            errors={errors.action}
            options={labelledChoices(options.actions, auditActionLabel)}
          />
          <DateInput name="from" label="From" defaultValue={params.from} errors={errors.from} />
          <DateInput name="to" label="To (inclusive)" defaultValue={params.to} errors={errors.to} />
        </div>
        <Button>Apply filters</Button>
      </Form>
      <ResultsHeading page={page} pageCount={pageCount} errorsShown={Object.keys(errors).length > 0}>
        {formatNumber(total)} {total === 1 ? "entry" : "entries"}
        {unapplied.length
          ? ` without the ${listInWords(unapplied.map((name) => `“${name}”`))} ${unapplied.length === 1 ? "filter, which has a problem" : "filters, which have problems"}: correct ${unapplied.length === 1 ? "it" : "them"} above and apply the filters again`
          : null}
      </ResultsHeading>
      <Table
        caption="Audit entries, newest first"
        rows={entries}
        rowKey={(e) => e.id}
        empty={emptyOrPastLastPage({
          page,
          pageCount,
          total,
          path: "/council/audit",
          search: location.search,
          what: ["entry", "entries"],
          empty: "No entries match these filters.",
        })}
        columns={[
          { header: "When", rowHeader: true, cell: (e) => formatDateTimeToSecond(e.createdAt) },
          {
            header: "Who",
            cell: (e) =>
              e.actor ? (
                <>
                  {e.actor.name}
                  {e.actor.email ? <span className="block text-sm text-muted">{e.actor.email}</span> : null}
                  {e.actorOrganisation ? (
                    <span className="block text-sm text-muted">for {e.actorOrganisation.name}</span>
                  ) : null}
                </>
              ) : e.action === "auth.sign_in_failed" ? (
                // typed by someone not signed in, at the account the record names
                "Someone not signed in"
              ) : (
                "System"
              ),
          },
          { header: "Filed under", cell: (e) => e.organisation?.name ?? "" },
          { header: "Action", cell: (e) => e.actionLabel },
          {
            header: "Record",
            cell: (e) => (
              <>
                {e.recordLabel}
                {e.recordName ? (
                  <span className="block text-sm">{e.recordName}</span>
                ) : e.entityId ? (
                  <span className="block text-sm break-all text-muted">Reference: {e.entityId}</span>
                ) : null}
              </>
            ),
          },
          {
            header: "Details",
            cell: (e) =>
              e.details.length ? (
                <dl className="max-w-xs text-sm wrap-anywhere">
                  {e.details.map((d, i) => (
                    <div key={i}>
                      <dt className="inline font-bold">{d.label}: </dt>
                      <dd className="inline">{d.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : (
                ""
              ),
          },
          { header: "IP address", cell: (e) => e.ipAddress ?? "" },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} search={location.search} path="/council/audit" />
    </>
  );
}
