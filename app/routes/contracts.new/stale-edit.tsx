// Shown when a contract or commitment form was read before a colleague saved: what they saved, beside what the
// user sent (kept in the form), so nothing is overwritten or removed unseen.
import { readableValue, type StaleEdit } from "~/domain/contracts/history.ts";
import { versionSchema } from "~/domain/contracts/schemas.ts";
import type { MeasureUnit } from "~/generated/prisma/enums.ts";
import { Notice, Table } from "~/ui/components.tsx";

type What = "contract" | "commitment" | "measure";

export function staleEditMessage(what: What) {
  return `Someone else changed this ${what} while you were editing. Their changes are shown, yours are kept below: check and save again.`;
}

/**
 * What an edit page shows after the action's reply: the comparison when a colleague saved first, and the version
 * the form carries. After that refusal, the colleague's version, now that the user has seen their change. After any
 * other refusal, the version the user's answers were based on, as they sent it: the page's data is read again after
 * every reply, and carrying its version would let the next save overwrite a colleague's change unseen.
 */
export function editState(
  lastResult: { initialValue?: Record<string, unknown> | null } | undefined,
  read: string,
) {
  // the JSON type of a conform reply hides the extra key's shape
  const stale = lastResult && "stale" in lastResult ? (lastResult.stale as StaleEdit) : null;
  if (stale) return { stale, version: stale.version };
  const sent = versionSchema.safeParse(lastResult?.initialValue?.version);
  return { stale, version: sent.success ? sent.data : read };
}

export function StaleEditNotice({
  stale,
  what,
  unit = null,
}: {
  stale: StaleEdit;
  what: What;
  /** a commitment's measure's unit, so its target reads "110 hours" */
  unit?: MeasureUnit | null;
}) {
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
          { header: "Saved now", cell: (d) => readableValue(d.field, d.saved, unit) ?? "(blank)" },
          { header: "Your answer", cell: (d) => readableValue(d.field, d.yours, unit) ?? "(blank)" },
        ]}
      />
    </Notice>
  );
}
