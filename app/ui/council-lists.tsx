// The columns the council's own lists (categories, districts) share: in use or retired, how many requests are
// filed under each, a link to change one and the button that retires or restores it.
import { getFormProps, type FormMetadata } from "@conform-to/react";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Form } from "~/ui/form-for.tsx";
import { Notice, Tag, type Column } from "~/ui/components.tsx";
import { Button, TextInput } from "~/ui/form.tsx";
import type { StaleRow } from "~/ui/stale-edit.tsx";

type ListItem = { id: string; name: string; active: boolean; _count: { requests: number } };

/** `listPath`: the list's own address, which may name its council (`?council=<id>`), kept by each "Change" link. */
export function listItemColumns<T extends ListItem>(listPath: string): Column<T>[] {
  const changeHref = (id: string) => `${listPath}${listPath.includes("?") ? "&" : "?"}edit=${id}#change`;
  return [
    {
      header: "Status",
      cell: (item) => (item.active ? <Tag colour="green">in use</Tag> : <Tag colour="grey">retired</Tag>),
    },
    { header: "Requests", cell: (item) => item._count.requests, numeric: true },
    {
      header: "Actions",
      cell: (item) => (
        <div className="flex flex-wrap items-center gap-4">
          <Link to={changeHref(item.id)} className="underline">
            Change<span className="sr-only"> {item.name}</span>
          </Link>
          <Form method="post">
            <input type="hidden" name="id" value={item.id} />
            {/* the state wanted, not a switch: sent twice, or after another officer's change, it stays so */}
            <input type="hidden" name="active" value={item.active ? "false" : "true"} />
            <Button name="intent" value="toggle" variant="secondary">
              {item.active ? "Retire" : "Restore"}
              <span className="sr-only"> {item.name}</span>
            </Button>
          </Form>
        </div>
      ),
    },
  ];
}

/** What a colleague saved to a category or district after its change form was read, beside the answers sent. */
type ListEntryDifference = { field: "name" | "description" | "postcodeAreas"; saved: string; yours: string };

const FIELD_LABELS: Record<ListEntryDifference["field"], string> = {
  name: "Name",
  description: "Description",
  postcodeAreas: "Postcode areas",
};

export function staleListRows(stale: { differences: ListEntryDifference[] }): StaleRow[] {
  return stale.differences.map(({ field, saved, yours }) => ({
    field,
    label: FIELD_LABELS[field],
    saved: saved || "None",
    yours: yours || "None",
  }));
}

/**
 * The form under a council list that adds an entry, or changes the one chosen with its "Change" link: its name
 * first, then the fields the list adds (`children`). A change link for an entry the council does not list is said so.
 */
export function ListEntryForm({
  form,
  what,
  listPath,
  councilName,
  editing,
  editNotFound,
  version,
  name,
  children,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any list's form: only its id and errors are read
  form: FormMetadata<any, string[]>;
  what: "category" | "district";
  listPath: string;
  councilName: string;
  editing: { id: string; name: string } | null;
  editNotFound: boolean;
  version: string | undefined;
  name: { errors: string[] | undefined; initialValue: unknown };
  children?: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="max-w-xl border-t-2 border-line pt-4">
      <h2 id="change" className="mb-4 text-2xl font-bold">
        {editing ? `Change “${editing.name}”` : `Add a ${what}`}
      </h2>
      {editNotFound ? (
        <Notice>
          <p>
            The {what} you chose to change is not one of {councilName}&apos;s{" "}
            {what === "category" ? "categories" : "districts"}. Choose Change next to one in the list above,
            or add a new one here.
          </p>
        </Notice>
      ) : null}
      {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
      {editing && version ? <input type="hidden" name="version" value={version} /> : null}
      <TextInput
        key={`name-${editing?.id}`}
        name="name"
        label="Name"
        width="20"
        errors={name.errors}
        defaultValue={(name.initialValue as string | undefined) ?? editing?.name}
      />
      {children}
      <div className="flex flex-wrap items-center gap-6">
        <Button name="intent" value={editing ? "update" : "add"}>
          {editing ? "Save changes" : `Add ${what}`}
        </Button>
        {editing ? (
          <Link to={listPath} className="underline">
            Cancel
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
