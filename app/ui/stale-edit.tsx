// What every edit form shows when a colleague saved the record after the form was read (or the user themselves, in
// another tab, where the record says who saved it): what they saved beside what the user sent (kept in the form), so
// nothing is overwritten or removed unseen. Contracts, commitments, measures and guidance pages share it, so each
// reads and behaves the same.
import type { ReactNode } from "react";
import { z } from "zod";
import { Notice, Table } from "~/ui/components.tsx";

/** A record's version as the form carries it: when it was last saved, to the millisecond. */
export const recordVersion = z.iso.datetime({ precision: 3 });

/** Who saved the record after the form was read, when the record says: the user themselves (in another tab or
 * window), or a named colleague. Without it, "someone else". */
export type StaleAuthor = { you: boolean; name: string | null };

/** What the user was doing on the page when the record changed under it: an edit form says "while you were
 * editing" of a change it cannot name the author of; any other page (a delete page) says only that it was changed
 * after it was opened, since nothing was being edited there. */
export type StaleContext = "editing" | "opened";

/** Who changed the record since the page was opened, as a sentence without its full stop. The edit forms' notice and
 * message say it "editing"; a page that only shows the record (the guidance delete page) leaves the default. */
export function changedBy(what: string, by?: StaleAuthor, context: StaleContext = "opened") {
  if (by?.you) return `You changed this ${what} in another tab or window after opening it here`;
  if (by?.name) return `${by.name} changed this ${what} after you opened it here`;
  return context === "editing"
    ? `Someone else changed this ${what} while you were editing`
    : `Someone else changed this ${what} after you opened it`;
}

export function staleEditMessage(what: string, by?: StaleAuthor) {
  const shown = by?.you
    ? "What is saved now is shown, and what you entered here is kept below"
    : "Their changes are shown, yours are kept below";
  return `${changedBy(what, by, "editing")}. ${shown}: check and save again.`;
}

/**
 * What an edit page shows after the action's reply: the comparison when a colleague saved first, and the version
 * the form carries. After that refusal, the colleague's version, now that the user has seen their change. After any
 * other refusal, the version the user's answers were based on, as they sent it: the page's data is read again after
 * every reply, and carrying its version would let the next save overwrite a colleague's change unseen.
 */
export function editState<Stale extends { version: string }>(
  lastResult: { initialValue?: Record<string, unknown> | null } | undefined,
  read: string | undefined,
) {
  // the JSON type of a conform reply hides the extra key's shape
  const stale = lastResult && "stale" in lastResult ? (lastResult.stale as Stale) : null;
  if (stale) return { stale, version: stale.version };
  const sent = recordVersion.safeParse(lastResult?.initialValue?.version);
  return { stale, version: sent.success ? sent.data : read };
}

/** One field that differs, as the user reads it. */
export type StaleRow = { field: string; label: string; saved: ReactNode; yours: ReactNode };

export function StaleEditNotice({ what, rows, by }: { what: string; rows: StaleRow[]; by?: StaleAuthor }) {
  return (
    <Notice kind="error" title={changedBy(what, by, "editing")}>
      <p className="mb-4">
        Nothing you entered has been saved or lost: your answers are kept in the form below. Check them
        against what is saved now, then save again.
      </p>
      <Table
        caption="Saved now, and your answers"
        rows={rows}
        rowKey={(row) => row.field}
        empty="What is saved now is the same as your answers."
        columns={[
          { header: "Field", rowHeader: true, cell: (row) => row.label },
          { header: "Saved now", cell: (row) => row.saved },
          { header: "Your answer", cell: (row) => row.yours },
        ]}
      />
    </Notice>
  );
}
