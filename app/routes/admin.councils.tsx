import { getFormProps, useForm } from "@conform-to/react";
import { parseForm } from "~/server/parse-form.server.ts";
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { requirePlatformAdmin } from "~/auth/permissions.server.ts";
import { requestContext } from "~/auth/request-context.server.ts";
import {
  councilsWithoutAdmin,
  createCouncil,
  createPartnership,
  inviteFirstCouncilAdmin,
  listCouncilsWithPartnerships,
  setCouncilPartnership,
} from "~/domain/accounts/organisations.server.ts";
import { adminCouncilsSchema } from "~/domain/accounts/schemas.ts";
import { listInWords } from "~/domain/format.ts";
import { PageHeading, Table } from "~/ui/components.tsx";
import { redirectWithFlash } from "~/ui/flash.server.ts";
import { Button, ErrorSummary, Select, TextInput } from "~/ui/form.tsx";
import { readForm } from "~/server/read-form.server.ts";

export const meta: MetaFunction = () => [{ title: "Councils and partnerships – Social Value Marketplace" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePlatformAdmin(request);
  const [[councils, partnerships], withoutAdmin] = await Promise.all([
    listCouncilsWithPartnerships(),
    councilsWithoutAdmin(),
  ]);
  return json({ councils, partnerships, councilsWithoutAdmin: withoutAdmin });
}

export async function action({ request }: ActionFunctionArgs) {
  const viewer = await requirePlatformAdmin(request);
  const submission = parseForm(await readForm(request), {
    schema: adminCouncilsSchema,
    hidden: ["councilId"],
  });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const context = requestContext(request);
  const input = submission.value;
  if (input.intent === "create-council") {
    const result = await createCouncil(viewer.user.id, input, context);
    if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    return redirectWithFlash("/admin/councils", {
      kind: "success",
      message: `Council created. We have invited ${input.adminEmail} to be its admin.${partnerStaffNamed(result.partnerStaff)}`,
    });
  }
  if (input.intent === "invite-admin") {
    const result = await inviteFirstCouncilAdmin(
      viewer.user.id,
      input.inviteCouncilId,
      input.inviteEmail,
      context,
    );
    if (!result.ok) return json(submission.reply({ fieldErrors: result.fieldErrors }), { status: 400 });
    return redirectWithFlash("/admin/councils", {
      kind: "success",
      message: `We have invited ${input.inviteEmail} to be the council's admin.`,
    });
  }
  if (input.intent === "create-partnership") {
    const result = await createPartnership(viewer.user.id, input.partnershipName, context);
    if (!result.ok)
      return json(submission.reply({ fieldErrors: { partnershipName: result.fieldErrors.name } }), {
        status: 400,
      });
    return redirectWithFlash("/admin/councils", { kind: "success", message: "Partnership created" });
  }
  // Taking a council out of its partnership (to none or to another) ends its officers' work for the partners, and
  // theirs for it; joining one lets the partners' partnership-wide members work for it. A page says who, and asks
  // to confirm (admin.councils_.$id.partnership.tsx); joining one whose councils share nobody happens at once. The
  // save itself refuses a change that asks first, so nothing changed between a check and the save slips through.
  const changed = await setCouncilPartnership(
    viewer.user.id,
    input.councilId,
    input.partnershipId ?? null,
    context,
  );
  if (changed === "asks-first" || changed === "not-as-shown")
    return redirect(
      `/admin/councils/${encodeURIComponent(input.councilId)}/partnership${
        input.partnershipId ? `?to=${encodeURIComponent(input.partnershipId)}` : ""
      }`,
      303,
    );
  if (changed === "no-partnership")
    return json(submission.reply({ formErrors: ["That partnership no longer exists"] }), { status: 400 });
  if (!changed)
    return json(submission.reply({ formErrors: ["That council no longer exists"] }), { status: 400 });
  return redirectWithFlash("/admin/councils", { kind: "success", message: "Partnership changed" });
}

// a council made in a partnership: who of the partners' staff can work for it from the start (decision 011)
function partnerStaffNamed(staff: { name: string; councilNames: string[] }[]) {
  if (!staff.length) return "";
  const names = staff.slice(0, 3).map((m) => `${m.name} (${listInWords(m.councilNames)})`);
  const more = staff.length - names.length;
  const people = more ? `${names.join(", ")} and ${more} more` : listInWords(names);
  return ` ${staff.length === 1 ? "A member" : `${staff.length} members`} of the partner councils can work for it as officers, as their own councils' admins chose: ${people}. Its members page lists them.`;
}

export default function AdminCouncils() {
  const { councils, partnerships, councilsWithoutAdmin } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [councilForm, fields] = useForm({ id: "council", lastResult });
  const partnershipOptions = partnerships.map((p) => ({ value: p.id, label: p.name }));
  return (
    <>
      <PageHeading caption="Platform administration">Councils and partnerships</PageHeading>
      <p className="mb-6">
        <Link to="/admin/mailbox">Local mailbox</Link> (emails held when no email provider is set up)
      </p>
      <ErrorSummary errors={councilForm.allErrors} />
      <p className="mb-6 max-w-3xl">
        Councils in a partnership share people, never records. A council taken out of its partnership, or
        moved to another, stops its members working for the partner councils: its admins can let them work for
        the new partners again. When a council joins a partnership, the partner councils&apos; staff whom
        their own admins let work for every council of it can work for the joining council as officers. You
        are asked to confirm, and told who loses or gains access, before either happens.
      </p>
      <Table
        caption="Councils"
        rows={councils}
        rowKey={(c) => c.id}
        empty="There are no councils yet."
        columns={[
          { header: "Council", rowHeader: true, cell: (c) => c.name },
          { header: "Members", numeric: true, cell: (c) => c._count.memberships },
          { header: "Organisations", numeric: true, cell: (c) => c._count.organisations },
          {
            header: "Partnership",
            cell: (c) => (
              <Form method="post" className="flex flex-wrap items-center gap-2">
                <input type="hidden" name="councilId" value={c.id} />
                <label htmlFor={`partnership-${c.id}`} className="sr-only">
                  Partnership for {c.name}
                </label>
                <select
                  id={`partnership-${c.id}`}
                  name="partnershipId"
                  defaultValue={c.partnership?.id ?? ""}
                  className="border-2 border-ink bg-white px-2 py-1"
                >
                  <option value="">None</option>
                  {partnerships.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
                <button type="submit" name="intent" value="set-partnership" className="underline">
                  Save<span className="sr-only"> partnership for {c.name}</span>
                </button>
              </Form>
            ),
          },
        ]}
      />
      <div className="grid gap-12 lg:grid-cols-2">
        <Form method="post" {...getFormProps(councilForm)} noValidate>
          <h2 className="mb-4 text-2xl font-bold">Add a council</h2>
          <TextInput
            name={fields.name.name}
            key={fields.name.key}
            defaultValue={fields.name.initialValue as string | undefined}
            label="Council name"
            errors={fields.name.errors}
          />
          <Select
            name={fields.partnershipId.name}
            key={fields.partnershipId.key}
            label="Partnership (optional)"
            hint="Partner councils share people, never records: staff whom a partner council's admins let work for every council of the partnership will be able to work for the new council as officers"
            errors={fields.partnershipId.errors}
            defaultValue={fields.partnershipId.initialValue as string | undefined}
            placeholder="None"
            options={partnershipOptions}
          />
          <TextInput
            name={fields.adminEmail.name}
            key={fields.adminEmail.key}
            defaultValue={fields.adminEmail.initialValue as string | undefined}
            label="Email of the council's first admin"
            hint="We will invite them by email"
            errors={fields.adminEmail.errors}
            type="email"
            spellCheck={false}
          />
          <Button name="intent" value="create-council">
            Add council
          </Button>
        </Form>
        <Form method="post" noValidate>
          <h2 className="mb-4 text-2xl font-bold">Add a partnership</h2>
          <TextInput
            name={fields.partnershipName.name}
            key={fields.partnershipName.key}
            defaultValue={fields.partnershipName.initialValue as string | undefined}
            label="Partnership name"
            errors={fields.partnershipName.errors}
          />
          <Button name="intent" value="create-partnership">
            Add partnership
          </Button>
        </Form>
      </div>
      {councilsWithoutAdmin.length ? (
        <Form method="post" noValidate className="mt-12 max-w-2xl">
          <h2 className="mb-4 text-2xl font-bold">Invite a council&apos;s first admin</h2>
          <p className="mb-6">
            Nobody has joined these councils as their admin yet. If the invitation sent when one was added has
            expired or went to the wrong address, invite its admin again here: only a council&apos;s admins
            can invite its staff. A new invitation cancels any still open.
          </p>
          <Select
            name={fields.inviteCouncilId.name}
            key={fields.inviteCouncilId.key}
            label="Council"
            errors={fields.inviteCouncilId.errors}
            defaultValue={fields.inviteCouncilId.initialValue as string | undefined}
            placeholder="Select a council"
            options={councilsWithoutAdmin.map((c) => ({ value: c.id, label: c.name }))}
          />
          <TextInput
            name={fields.inviteEmail.name}
            key={fields.inviteEmail.key}
            defaultValue={fields.inviteEmail.initialValue as string | undefined}
            label="Email of the council's admin"
            hint="We will invite them by email"
            errors={fields.inviteEmail.errors}
            type="email"
            spellCheck={false}
          />
          <Button name="intent" value="invite-admin">
            Send invitation
          </Button>
        </Form>
      ) : null}
    </>
  );
}
