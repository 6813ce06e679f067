// Where the council's local £ values come from, as every local £ figure is labelled (the council settings say
// so). Only a council admin can open the settings: an officer is told who can state the source, not sent there.
export function localValueSource(source: string | null, isAdmin: boolean) {
  if (source) return source;
  return isAdmin
    ? "not stated – add it in the council settings"
    : "not stated – a council admin can add it in the council settings";
}
