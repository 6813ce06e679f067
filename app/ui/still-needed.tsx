// How much of a request is still needed, or once it closed what it came to, as every page shows it (its words:
// stillNeeded in request-card.server.ts, worked out by the loader).
export type Need = { label: string; figure: string; rest: string };

export function StillNeeded({ need }: { need: Need }) {
  return (
    <>
      {`${need.label}: `}
      <strong>{need.figure}</strong>
      {need.rest}
    </>
  );
}

/** The same words as one text, for a table's cell or a line written as one string. */
export function stillNeededText(need: Need) {
  return `${need.label}: ${need.figure}${need.rest}`;
}
