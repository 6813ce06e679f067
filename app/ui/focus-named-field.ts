// A link to a question page that names one of its fields (check your answers' "Change" links: …?return=check#age).
// Without JavaScript the browser loads the page at the field; with it the page changed in place, the link that had
// focus went, and focus fell to the page itself (<body>): a keyboard user started again from the top. The field
// named takes focus, its question in view: for a group of choices, the answer already chosen (where tabbing into
// the group lands, and arrow keys move from), else its first choice.
import { useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { focusShowingQuestion } from "~/ui/error-summary.tsx";

export function useFocusNamedField() {
  const { hash, key } = useLocation();
  useEffect(() => {
    const named = hash.length > 1 ? document.getElementById(idIn(hash)) : null;
    if (!named) return;
    const chosen =
      named instanceof HTMLInputElement && named.type === "radio"
        ? named.form?.querySelector<HTMLInputElement>(
            `input[type="radio"][name="${CSS.escape(named.name)}"]:checked`,
          )
        : null;
    focusShowingQuestion(chosen ?? named);
  }, [hash, key]);
}

// (an address typed by hand may hold a malformed escape: it names no field)
function idIn(hash: string) {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return "";
  }
}
