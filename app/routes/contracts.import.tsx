import { getFormProps, useForm } from "@conform-to/react";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type RefObject } from "react";
import { Form } from "~/ui/form-for.tsx";
import { z } from "zod";
import { intentUnion } from "~/domain/form-intent.ts";
import { requireCouncilOf } from "~/auth/permissions.server.ts";
import { clientIp } from "~/auth/request-context.server.ts";
import { readableValue } from "~/domain/contracts/history.ts";
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from "~/domain/contracts/import-rows.ts";
import {
  alreadyAsInFile,
  importButtonLabel,
  importOutcomes,
  keptAfterImport,
  keptBeforeImport,
  uncheckedLinesMessage,
} from "~/domain/contracts/import-summary.ts";
import {
  applyImport,
  importedMomentsAgo,
  previewImport,
  type ImportCounts,
  type ImportPlan,
} from "~/domain/contracts/import.server.ts";
import {
  discardImportUpload,
  keepImportUpload,
  readImportUpload,
} from "~/domain/contracts/import-uploads.server.ts";
import { BackLink, Notice, PageHeading, Table, Tag } from "~/ui/components.tsx";
import { withdrawReturnsOutsideTerm } from "~/domain/reporting/returns-jobs.server.ts";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, FileInput } from "~/ui/form.tsx";
import { countOf, formatNumber, listInWords } from "~/ui/format.ts";
import { parseForm } from "~/server/parse-form.server.ts";
import { readForm } from "~/server/read-form.server.ts";
import { actsForNamed } from "~/ui/acting-for.ts";

export const meta: MetaFunction = () => [{ title: "Import contracts – Social Value Marketplace" }];

const MB = MAX_IMPORT_BYTES / 1024 / 1024;

const importSchema = intentUnion([
  z.object({
    intent: z.literal("preview"),
    file: z
      .instanceof(File, { message: "Choose a CSV file" })
      .refine((f) => f.name !== "", "Choose a CSV file")
      .refine((f) => f.size > 0, "The file is empty")
      // Excel saves "Unicode Text" (tab-separated, which the import reads) as .txt
      .refine(
        (f) => /\.(csv|txt|tsv)$/i.test(f.name) || f.type === "text/csv",
        "The file must be a CSV file (or Excel’s “Unicode Text”, a .txt file)",
      ),
  }),
  z.object({
    intent: z.literal("import"),
    upload: z.string({ error: "Upload the file again" }).uuid("Upload the file again"),
  }),
]);

// The council the address names (the contracts list's link names the council the list was opened for), else the
// switcher's: its officers only, 404 to anyone else, so the file is imported for the council the page was shown for
// (decision 027). The form posts to the page's own address, query included.
const councilOfPage = (request: Request) =>
  requireCouncilOf(request, new URL(request.url).searchParams.get("council"));

// the header shows the council the address names, which the page acts for (app/ui/acting-for.ts)
export const handle = actsForNamed("council");

export async function loader({ request }: LoaderFunctionArgs) {
  const { membership } = await councilOfPage(request);
  // the links back to the list name this council, as the council's links to it do (decision 027)
  return json({ council: membership.organisationName, councilId: membership.organisationId });
}

export async function action({ request }: ActionFunctionArgs) {
  const { viewer, membership } = await councilOfPage(request);
  let formData: FormData;
  try {
    // the confirm step may arrive as a plain form (it carries only the upload's id)
    formData = (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(
          request,
          unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMPORT_BYTES }),
        )
      : await readForm(request);
  } catch (error) {
    const message =
      error instanceof MaxPartSizeExceededError
        ? `The file must be smaller than ${MB} MB`
        : "The upload could not be read. Choose the file again.";
    const reply = { status: "error" as const, error: { file: [message] } };
    return json({ kind: "form" as const, reply }, { status: 400 });
  }
  const submission = parseForm(formData, { schema: importSchema });
  if (submission.status !== "success")
    return json({ kind: "form" as const, reply: submission.reply() }, { status: 400 });

  const councilId = membership.organisationId;
  if (submission.value.intent === "preview") {
    const plan = await previewImport(councilId, submission.value.file.stream());
    // only a file that can be imported, and would change something, is kept for the confirm step
    const upload =
      plan.errors.length || !importButtonLabel(plan.counts)
        ? null
        : await keepImportUpload(councilId, new Uint8Array(await submission.value.file.arrayBuffer()));
    return json({ kind: "preview" as const, plan, upload, fileName: submission.value.file.name });
  }
  const { upload } = submission.value;
  const csv = await readImportUpload(councilId, upload);
  if (csv === null) {
    // imported moments ago by this same form, sent twice: answered as the first was
    const earlier = await importedMomentsAgo(councilId, upload);
    if (earlier) return importComplete(councilId, earlier);
    const reply = {
      status: "error" as const,
      error: { file: ["That preview has expired or was already imported: upload the file again"] },
    };
    return json({ kind: "form" as const, reply }, { status: 400 });
  }
  const result = await applyImport(
    { councilId, actorUserId: viewer.user.id, ipAddress: clientIp(request) },
    csv,
    upload,
  );
  // the council's data changed since the preview: show the new problems instead
  if (!result.ok)
    return json(
      { kind: "preview" as const, plan: result.plan, upload: null, fileName: null },
      { status: 400 },
    );
  await discardImportUpload(councilId, upload);
  // returns never sent for quarters a changed term no longer covers go now, not at the next daily run
  if (result.plan.counts.changed) await withdrawReturnsOutsideTerm();
  return importComplete(councilId, result.plan.counts);
}

// the council's contracts list, for whoever also works for a supplier
const contractsOf = (councilId: string) => `/contracts?council=${encodeURIComponent(councilId)}`;

function importComplete(councilId: string, counts: ImportCounts) {
  // an import never deletes: the commitments the file left out are said to be kept, as the preview said
  const kept = keptAfterImport(counts);
  return redirectWithFlash(contractsOf(councilId), {
    kind: "success",
    message: `Import complete: ${importOutcomes(counts)}${kept ? `; ${kept}` : ""}`,
  });
}

export default function ImportContracts() {
  const { council, councilId } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({ lastResult: data?.kind === "form" ? data.reply : undefined });
  const preview = data?.kind === "preview" ? data : null;
  // A preview, or the file's problems, is what the officer asked for: focus moves to it, as it moves to the error
  // summary when no file was chosen. Left where it was, on the button that was disabled while the file was sent,
  // focus fell back to the page itself and the next Tab went to the footer.
  const previewHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview) previewHeading.current?.focus();
  }, [preview]);
  return (
    <>
      <BackLink to={contractsOf(councilId)}>All contracts</BackLink>
      <PageHeading caption={council}>Import contracts from a CSV file</PageHeading>
      {preview ? (
        <Preview
          plan={preview.plan}
          upload={preview.upload}
          fileName={preview.fileName}
          councilId={councilId}
          headingRef={previewHeading}
        />
      ) : null}
      <h2 className="mb-4 text-2xl font-bold">{preview ? "Upload a corrected file" : "Upload a file"}</h2>
      <div className="mb-6 max-w-3xl">
        <p className="mb-2">
          One row per commitment, with the contract’s columns repeated on each row. Nothing is saved until you
          have checked the preview. Importing the same file again changes nothing.
        </p>
        <p className="mb-2">
          <a href="/samples/contracts-import-sample.csv" download>
            Download a sample file (CSV)
          </a>
        </p>
        <details className="mb-2">
          <summary className="cursor-pointer text-brand underline">The columns the file can have</summary>
          <p className="mt-2">
            Required: contract_reference, contract_title, supplier_company_number or supplier_name,
            department, value_gbp, start_date and end_date. Dates as 2026-04-01 or 01/04/2026; a time after
            the date, as exports write it (2026-04-01 00:00:00), is left off. A delivery plan is written as
            “Q1 2026/27=25; Q2 2026/27=25” and must add up to target_quantity.
          </p>
          <p className="mt-2">
            On a contract already stored, a column left out of the file keeps its stored value, and a blank
            contract manager, award date, plan reference or status does too. Commitments already on the
            contract that the file leaves out are kept as they are: an import never deletes. The preview shows
            every change.
          </p>
          <p className="mt-2 font-mono text-sm break-words">{IMPORT_COLUMNS.join(", ")}</p>
        </details>
      </div>
      <Form
        method="post"
        encType="multipart/form-data"
        {...getFormProps(form)}
        noValidate
        className="max-w-2xl"
      >
        <ErrorSummary errors={form.allErrors} />
        <FileInput
          name={fields.file.name}
          label="CSV file"
          hint={`At most ${MB} MB. A file Excel saved as “Unicode Text” (.txt) can be uploaded too.`}
          accept=".csv,text/csv,.txt,.tsv"
          errors={fields.file.errors}
        />
        <Button name="intent" value="preview" disabled={navigation.state === "submitting"}>
          Check the file
        </Button>
      </Form>
    </>
  );
}

function Preview({
  plan,
  upload,
  fileName,
  councilId,
  headingRef,
}: {
  plan: ImportPlan;
  upload: string | null;
  fileName: string | null;
  councilId: string;
  headingRef: RefObject<HTMLHeadingElement>;
}) {
  const heading = (
    <h2 id="preview-heading" ref={headingRef} tabIndex={-1} className="mb-4 text-2xl font-bold">
      Preview{fileName ? ` of ${fileName}` : ""}
    </h2>
  );
  const kept = keptBeforeImport(plan.contracts);
  // null when the file changes nothing: there is nothing to import, and no button
  const importLabel = importButtonLabel(plan.counts);
  if (plan.errors.length)
    return (
      <section aria-labelledby="preview-heading" className="mb-10">
        {heading}
        <Notice
          kind="error"
          title={`${countOf(plan.errors.length, "problem", "problems")} found${plan.uncheckedAfter ? ` in lines 1 to ${plan.uncheckedAfter}` : ""}`}
        >
          {plan.uncheckedAfter ? `${uncheckedLinesMessage(plan.uncheckedAfter)} ` : ""}
          Nothing has been imported. Correct the file and upload it again.
        </Notice>
        <Table
          caption="Problems in the file"
          rows={plan.errors.map((e, index) => ({ ...e, index }))}
          rowKey={(e) => String(e.index)}
          columns={[
            { header: "Line", numeric: true, rowHeader: true, cell: (e) => e.line },
            { header: "Column", cell: (e) => e.column ?? "–" },
            { header: "Problem", cell: (e) => e.message },
          ]}
        />
      </section>
    );
  return (
    <section aria-labelledby="preview-heading" className="mb-10">
      {heading}
      <Notice
        kind={importLabel ? "success" : "info"}
        title={importLabel ? "No problems found" : "Nothing to import"}
      >
        {importLabel ? null : <span className="mb-2 block">{alreadyAsInFile(plan.counts)}</span>}
        {countOf(plan.rowCount, "row", "rows")}: {importOutcomes(plan.counts)}.
        {importLabel ? " Nothing has been saved yet." : null}
        {kept ? <span className="mt-2 block">{kept}</span> : null}
        {plan.encoding === "windows-1252" ? (
          <span className="mt-2 block">
            The file was saved in the Windows-1252 encoding (Excel’s “CSV (Comma delimited)”) and has been
            read as such: check that £ signs and accented letters look right below.
          </span>
        ) : null}
      </Notice>
      <Table
        caption="What the import will do"
        rows={plan.contracts}
        rowKey={(c) => c.reference}
        columns={[
          { header: "Reference", rowHeader: true, cell: (c) => c.reference },
          { header: "Title", cell: (c) => c.title },
          {
            header: "Supplier",
            cell: (c) => (
              <>
                {c.supplier}
                <span className="block text-sm text-muted">
                  {c.supplierCompanyNumber
                    ? `Company number ${c.supplierCompanyNumber}`
                    : "No company number registered"}
                </span>
              </>
            ),
          },
          {
            header: "Commitments",
            numeric: true,
            cell: (c) => (
              <>
                {formatNumber(c.commitments)}
                {/* what happens to them, when not all are new (a new contract's) or all unchanged */}
                {c.outcome !== "new" && c.commitmentOutcomes.unchanged < c.commitments ? (
                  <span className="block text-sm text-muted">
                    {[
                      c.commitmentOutcomes.new ? `${formatNumber(c.commitmentOutcomes.new)} new` : null,
                      c.commitmentOutcomes.changed
                        ? `${formatNumber(c.commitmentOutcomes.changed)} changed`
                        : null,
                    ]
                      .filter(Boolean)
                      .join(", ")}
                  </span>
                ) : null}
                {c.kept.length ? (
                  <span className="block text-sm text-muted">
                    {formatNumber(c.kept.length)} not in the file, kept as{" "}
                    {c.kept.length === 1 ? "it is" : "they are"}: {listInWords(c.kept)}
                  </span>
                ) : null}
              </>
            ),
          },
          {
            header: "What changes",
            cell: (c) =>
              c.changes.length ? (
                <ul className="text-sm">
                  {c.changes.map((change, index) => (
                    <li key={change.label}>
                      <span className="font-bold">{change.label}</span>:{" "}
                      {readableValue(change.field, change.from, c.units[index]) ?? "Not given"} →{" "}
                      {readableValue(change.field, change.to, c.units[index]) ?? "Not given"}
                    </li>
                  ))}
                </ul>
              ) : (
                "–"
              ),
          },
          {
            header: "Outcome",
            cell: (c) => (
              <Tag colour={c.outcome === "new" ? "blue" : c.outcome === "changed" ? "yellow" : "grey"}>
                {c.outcome === "new" ? "New" : c.outcome === "changed" ? "Changed" : "Unchanged"}
              </Tag>
            ),
          },
        ]}
      />
      {importLabel && upload ? (
        <>
          <Form method="post" encType="multipart/form-data">
            <input type="hidden" name="upload" value={upload} />
            <Button name="intent" value="import">
              {importLabel}
            </Button>
          </Form>
          <p className="mt-4">
            <Link to={contractsOf(councilId)}>Cancel</Link>
          </p>
        </>
      ) : (
        <p className="mt-4">
          <Link to={contractsOf(councilId)}>Back to all contracts</Link>
        </p>
      )}
    </section>
  );
}
