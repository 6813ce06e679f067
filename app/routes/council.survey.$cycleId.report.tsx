import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/auth/request-context.server.ts";
import { requireSurveyCycle } from "~/auth/survey-access.server.ts";
import { responseRates } from "~/domain/survey/cycles.server.ts";
import { cycleReport } from "~/domain/survey/report.server.ts";
import { NOT_PUBLISHED, numbersExplained, type ReportTable } from "~/domain/survey/report.ts";
import { cycleStage, responseRateText } from "~/domain/survey/stages.ts";
import { displayCount, displayPercent } from "~/domain/survey/suppression.ts";
import { BackLink, InsetText, PageHeading, SummaryList, Table } from "~/ui/components.tsx";
import { formatDate, formatNumber } from "~/ui/format.ts";
import { actsForLoaded } from "~/ui/acting-for.ts";

// the header shows the survey's council (its loader's councilId), which the page acts for whatever the switcher is
// on (app/ui/acting-for.ts, decision 027)
export const handle = actsForLoaded("councilId");

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: `${data ? `Supplier survey ${data.year} report – ${data.councilName}` : "Supplier survey report"} – Social Value Marketplace`,
  },
];

// Only suppressed aggregates leave the server: never a business or its individual answers. While the cycle is
// open only the response rate is shown (the report would move with each business's answers).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { viewer, cycle } = await requireSurveyCycle(request, params.cycleId!);
  const page = {
    councilId: cycle.councilId,
    cycleId: cycle.id,
    year: cycle.year,
    councilName: cycle.council.name,
  };
  const report = await cycleReport(
    { userId: viewer.user.id, councilId: cycle.councilId, ipAddress: clientIp(request) },
    cycle,
  );
  if (!report)
    return json({
      ...page,
      available: false as const,
      // before its opening day no business can have answered: the page says so, with no rate to read
      stage: cycleStage(cycle),
      opensOn: cycle.opensOn,
      rates: await responseRates(cycle),
    });
  return json({ ...page, available: true as const, ...report });
}

function change(value: number | null) {
  if (value === null) return "–";
  return `${value > 0 ? "+" : ""}${value}`;
}

function ReportTableView({
  table,
  year,
  previousYear,
}: {
  table: ReportTable;
  year: number;
  previousYear: number | null;
}) {
  if (table.hidden)
    return (
      <section className="mb-8">
        <h2 className="mb-2 text-xl font-bold">{table.title}</h2>
        <p>{NOT_PUBLISHED}</p>
      </section>
    );
  return (
    <Table
      caption={table.title}
      rows={table.rows}
      rowKey={(r) => r.key}
      columns={[
        { header: "Answer", rowHeader: true, cell: (r) => r.label },
        { header: `Businesses ${year}`, numeric: true, cell: (r) => displayCount(r.current) },
        { header: `% ${year}`, numeric: true, cell: (r) => displayPercent(r.current) || "–" },
        ...(previousYear
          ? [
              {
                header: `% ${previousYear}`,
                numeric: true,
                cell: (r: ReportTable["rows"][number]) =>
                  r.previous ? displayPercent(r.previous) || "–" : "–",
              },
              {
                header: "Change (percentage points)",
                numeric: true,
                cell: (r: ReportTable["rows"][number]) => change(r.change),
              },
            ]
          : []),
      ]}
    />
  );
}

function Comments({ title, texts }: { title: string; texts: string[] }) {
  return (
    <>
      <h3 className="mb-2 text-xl font-bold">{title}</h3>
      {texts.length === 0 ? (
        <p className="mb-6">No comments.</p>
      ) : (
        <ul className="mb-6 list-disc space-y-2 pl-6">
          {texts.map((text, index) => (
            <li key={index} className="break-words whitespace-pre-line">
              {text}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export default function SurveyReport() {
  const data = useLoaderData<typeof loader>();
  const heading = (
    <>
      <BackLink to={`/council/survey/${data.cycleId}`}>Back to the {data.year} survey</BackLink>
      <PageHeading caption={data.councilName}>Supplier diversity survey {data.year}: report</PageHeading>
    </>
  );
  if (!data.available && data.stage === "NOT_YET_OPEN")
    return (
      <>
        {heading}
        <InsetText>
          The survey opens on {formatDate(data.opensOn)}. No business can answer it before then, so there are
          no answers yet. The report is available once the survey closes.
        </InsetText>
        <p>
          <Link to="/council/survey">All surveys</Link>
        </p>
      </>
    );
  if (!data.available)
    return (
      <>
        {heading}
        <InsetText>
          The report is available once the survey closes, so that no one business&apos;s answers can be worked
          out from changes.
        </InsetText>
        <SummaryList
          rows={[
            {
              key: "Eligible or invited businesses",
              value: data.rates.eligible === null ? "Not kept" : formatNumber(data.rates.eligible),
            },
            { key: "Answers sent", value: formatNumber(data.rates.submitted) },
            {
              key: "Response rate",
              value: responseRateText({
                stage: data.stage,
                opensOn: data.opensOn,
                reached: data.rates.eligible,
                submitted: formatNumber(data.rates.submitted),
                rate: data.rates.rate,
              }),
            },
          ]}
        />
        <ul className="mb-8 flex flex-wrap gap-6">
          <li>
            <a href={`/council/survey/${data.cycleId}/contacts.csv`}>
              Download businesses that agreed to be contacted (CSV)
            </a>
          </li>
        </ul>
        <p>
          <Link to="/council/survey">All surveys</Link>
        </p>
      </>
    );
  // each note only with a table it is about: how ethnic group is reported only when that table is published
  const notes = [
    ...numbersExplained(data.tables),
    ...(data.tables.some((t) => t.id === "ethnicGroup" && !t.hidden)
      ? ["Ethnic group is reported by broad group only."]
      : []),
  ];
  return (
    <>
      {heading}
      <p className="mb-2">
        Businesses that sent answers: <strong>{data.respondents}</strong>
        {data.previousYear ? (
          <>
            {" "}
            ({data.previousYear}: {data.previousRespondents})
          </>
        ) : null}
      </p>
      {notes.length > 0 ? <InsetText>{notes.join(" ")}</InsetText> : null}
      <ul className="mb-8 flex flex-wrap gap-6">
        <li>
          <a href={`/council/survey/${data.cycleId}/aggregate.csv`}>Download this report (CSV)</a>
        </li>
        <li>
          <a href={`/council/survey/${data.cycleId}/contacts.csv`}>
            Download businesses that agreed to be contacted (CSV)
          </a>
        </li>
      </ul>
      {data.tables.map((table) => (
        <ReportTableView key={table.id} table={table} year={data.year} previousYear={data.previousYear} />
      ))}
      <section className="mb-8 max-w-3xl">
        <h2 className="mb-2 text-2xl font-bold">In businesses&apos; own words</h2>
        {data.commentsDeleted ? (
          <p>Not kept: what businesses wrote was deleted when the answers were anonymised.</p>
        ) : data.comments ? (
          <>
            <p className="mb-4">Listed in alphabetical order, not by business.</p>
            <Comments title="Other barriers to tendering" texts={data.comments.barriersOther} />
            <Comments title="What the council could do" texts={data.comments.councilCouldDo} />
          </>
        ) : (
          <p>Not published: too few answers to show comments without risk of identifying a business.</p>
        )}
      </section>
      <p>
        <Link to="/council/survey">All surveys</Link>
      </p>
    </>
  );
}
