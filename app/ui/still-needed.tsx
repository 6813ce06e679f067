// What is still needed of an open request, as the public pages show it (its words: request-card.server.ts).
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
