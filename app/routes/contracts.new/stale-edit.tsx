// Shown when a contract or commitment form was read before a colleague saved: what they saved, beside what the
// user sent (kept in the form), so nothing is overwritten unseen.
import type { StaleEdit } from "~/domain/contracts/history.ts";
import { Notice, Table } from "~/ui/components.tsx";

export function staleEditMessage(what: "contract" | "commitment") {
  return `Someone else changed this ${what} while you were editing. Their changes are shown, yours are kept below: check and save again.`;
}

export function StaleEditNotice({ stale, what }: { stale: StaleEdit; what: "contract" | "commitment" }) {
  return (
    <Notice kind="error" title={`Someone else changed this ${what} while you were editing`}>
      <p className="mb-4">
        Nothing you entered has been saved or lost: your answers are kept in the form below. Check them
        against what is saved now, then save again.
      </p>
      <Table
        caption="Saved now, and your answers"
        rows={stale.differences}
        rowKey={(d) => d.field}
        empty="What is saved now is the same as your answers."
        columns={[
          { header: "Field", rowHeader: true, cell: (d) => d.label },
          { header: "Saved now", cell: (d) => d.saved ?? "(blank)" },
          { header: "Your answer", cell: (d) => d.yours ?? "(blank)" },
        ]}
      />
    </Notice>
  );
}
