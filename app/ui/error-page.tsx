import { isRouteErrorResponse } from "@remix-run/react";
import { errorText, otherErrorText } from "~/ui/error-text.ts";

// What the whole site's error page says for an error (the status a route answered, or any other failure as the
// service's own problem): root.tsx and the routes with an error page of their own, for the errors they leave to it.
export function errorPageText(error: unknown) {
  return (isRouteErrorResponse(error) && errorText[error.status]) || otherErrorText;
}

export function ErrorPageContent({ error }: { error: unknown }) {
  const text = errorPageText(error);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">{text.title}</h1>
      <p className="mb-4">{text.body}</p>
      <p>
        <a href="/">Go to the home page</a>
      </p>
    </>
  );
}
