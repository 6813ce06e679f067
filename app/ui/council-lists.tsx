// The columns the council's own lists (categories, districts) share: in use or retired, how many requests are
// filed under each, a link to change one and the button that retires or restores it.
import { Link } from "@remix-run/react";
import { Form } from "~/ui/form-for.tsx";
import { Tag, type Column } from "~/ui/components.tsx";
import { Button } from "~/ui/form.tsx";
import type { StaleRow } from "~/ui/stale-edit.tsx";

type ListItem = { id: string; name: string; active: boolean; _count: { requests: number } };

export function listItemColumns<T extends ListItem>(): Column<T>[] {
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
          <Link to={`?edit=${item.id}#change`} className="underline">
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
