import { isRouteErrorResponse } from "@remix-run/react";
import { errorText, otherErrorText, refusedRequestText, type RefusedRequest } from "~/ui/error-text.ts";

// What the whole site's error page says for an error (the status a route answered, or any other failure as the
// service's own problem): root.tsx and the routes with an error page of their own, for the errors they leave to it.
export function errorPageText(error: unknown) {
  if (isRouteErrorResponse(error) && isRefusal(error.data)) return error.data.refused;
  if (isRouteErrorResponse(error) && isRefusedRequest(error.data))
    return refusedRequestText[error.data.refusedRequest];
  return (isRouteErrorResponse(error) && errorText[error.status]) || otherErrorText;
}

// A refusal in its own words (Refusal in app/auth/permissions.server.ts): a 403 saying who can allow it, a 400 for
// a form or an address the route could not read, a 413 for a return's upload too large to read
function isRefusal(data: unknown): data is { refused: { title: string; body: string } } {
  const refused = (data as { refused?: { title?: unknown; body?: unknown } } | null)?.refused;
  return typeof refused?.title === "string" && typeof refused.body === "string";
}

// An address that could not be read or a body over the size limit (refusedBeforeRoutes in app/server/http.ts)
function isRefusedRequest(data: unknown): data is { refusedRequest: RefusedRequest } {
  const refused = (data as { refusedRequest?: unknown } | null)?.refusedRequest;
  return typeof refused === "string" && Object.hasOwn(refusedRequestText, refused);
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
