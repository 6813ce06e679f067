// The error summary of a page that needs one for some of its visitors only: the requests list, for a supplier's
// "Save this search", whose name pasted too long to send is refused in the page (form-for.tsx) rather than lost to
// the server's 413 page. It is fetched once shown, so the list's other visitors do not download it (the JavaScript
// budget, tests/e2e/javascript-budget.spec.ts). It has nothing to say when the page is drawn (the server answers
// the form on the saved searches page), so the page is drawn without it; a form sent before it has arrived is
// answered by the server alone, as without JavaScript.
import { useEffect, useState } from "react";
import type { ErrorSummary } from "~/ui/error-summary.tsx";

export function FetchedErrorSummary() {
  const [Summary, setSummary] = useState<typeof ErrorSummary | null>(null);
  useEffect(() => {
    void import("~/ui/error-summary.tsx").then((module) => setSummary(() => module.ErrorSummary));
  }, []);
  return Summary ? <Summary /> : null;
}
