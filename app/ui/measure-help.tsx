// A measure's help text (what counts, how to measure it), shown beside the measure wherever commitments on it are
// seen or recorded: to suppliers filling in a return and to council officers recording commitments or reviewing
// returns, so both read the same guidance. Plain visible text in reading order after the measure's name, never a
// tooltip or title attribute (which keyboard, touch and screen reader users may not reach).
export function MeasureHelp({
  helpText,
  compact = false,
}: {
  helpText: string | null | undefined;
  /** in a table cell: smaller, under the name */
  compact?: boolean;
}) {
  if (!helpText?.trim()) return null;
  return compact ? (
    <span className="mt-1 block whitespace-pre-line text-sm font-normal">
      <span className="sr-only">How to measure: </span>
      {helpText}
    </span>
  ) : (
    <p className="mb-4 max-w-3xl whitespace-pre-line">
      <span className="font-bold">How to measure: </span>
      {helpText}
    </p>
  );
}
