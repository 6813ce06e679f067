// The largest request body the server reads (app/server/http.ts refuses a larger one with 413 before any route runs),
// here so the browser can check a form against the same limit before sending it (app/ui/form-for.tsx): with
// JavaScript on, the refusal would take the form's place and what the user typed would be lost.
import { refusedRequestText, type RefusedRequest } from "./error-text.ts";

// Largest request body accepted: a 10 MB evidence file plus the rest of its form.
export const MAX_BODY_BYTES = 11 * 1024 * 1024;
// A return's page reads an oversized evidence file through (storing nothing past 10 MB) up to four times the
// limit, so the supplier gets "must be smaller than 10 MB" next to the file field, with the rest of the form
// kept, instead of a bare refusal. Beyond this it is refused before reading, like everything else.
export const MAX_EVIDENCE_POST_BYTES = 41 * 1024 * 1024;
const EVIDENCE_POST = /^\/returns\/[^/]+\/?$/;

/** The most a request may send: a return's evidence upload (a multipart POST to /returns/<id>) has the larger limit. */
export function maxBodyBytes(method: string, pathname: string, multipart: boolean): number {
  return method.toUpperCase() === "POST" && multipart && EVIDENCE_POST.test(pathname)
    ? MAX_EVIDENCE_POST_BYTES
    : MAX_BODY_BYTES;
}

// A multipart body is counted as the browser frames it (the HTML standard's multipart/form-data encoding, which
// Chromium, Firefox and Node's fetch follow), part by part: the boundary line, Content-Disposition with the name
// (and a file's name and Content-Type), a blank line, the value and a line break, then the closing boundary. The
// browser sends a text's line breaks as CRLF ("\n" in a textarea's value is two bytes sent) and writes a line
// break or a quote in a name as %0D, %0A or %22. Only the boundary is the browser's own choice (Chromium's is 38
// characters, Firefox's longer): it is counted at the most the standard allows, 70, so a form is never held back
// for fewer bytes than it would send, and at most a few dozen bytes a field more.
export const MAX_BOUNDARY_LENGTH = 70;

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
const crlf = (text: string) => text.replace(/\r\n|\r|\n/g, "\r\n");
const quoted = (text: string) => text.replace(/\n/g, "%0A").replace(/\r/g, "%0D").replace(/"/g, "%22");

/** The exact size of the multipart body a form's entries make with a boundary of `boundaryLength` characters. A
 * file's part always names its file (`filename=""` for a file input left empty, as browsers send it). */
export function multipartBytes(
  entries: Iterable<[string, FormDataEntryValue]>,
  boundaryLength: number,
): number {
  const boundaryLine = boundaryLength + "--\r\n".length;
  let bytes = boundaryLine + "--".length; // the closing "--boundary--\r\n"
  for (const [name, value] of entries) {
    const head = `Content-Disposition: form-data; name="${quoted(crlf(name))}"`;
    bytes += boundaryLine + utf8Bytes(head) + "\r\n\r\n".length + "\r\n".length;
    bytes +=
      typeof value === "string"
        ? utf8Bytes(crlf(value))
        : utf8Bytes(
            `; filename="${quoted(value.name)}"\r\nContent-Type: ${value.type || "application/octet-stream"}`,
          ) + value.size;
  }
  return bytes;
}

/** The size of the body a form's entries make, as Remix sends them: URL-encoded (a file as its name), or multipart
 * (a file's bytes) with the longest boundary a browser may choose. Remix sends a URL-encoded form as
 * URLSearchParams made from the form's entries, which keep a textarea's line breaks as "\n" (%0A, three bytes);
 * only the browser's own submission, without JavaScript, sends them as CRLF, and that one is not checked here. */
export function formBodyBytes(entries: Iterable<[string, FormDataEntryValue]>, multipart: boolean): number {
  if (!multipart) {
    const params = new URLSearchParams();
    for (const [name, value] of entries) params.append(name, typeof value === "string" ? value : value.name);
    return utf8Bytes(params.toString());
  }
  return multipartBytes(entries, MAX_BOUNDARY_LENGTH);
}

/** Why the server would refuse a form's body, in the words of its refusal page, or null if it would not. A form with
 * a file chosen is told about files, any other about its text (the server, which cannot look inside the body,
 * names files for every multipart form). `field` is the field most to blame, for the error summary's link. */
export function tooLargeForm(
  entries: [string, FormDataEntryValue][],
  target: { method: string; pathname: string; multipart: boolean },
): { refusedRequest: RefusedRequest; message: string; field: string } | null {
  const limit = maxBodyBytes(target.method, target.pathname, target.multipart);
  if (formBodyBytes(entries, target.multipart) <= limit) return null;
  const files = entries.filter(
    (entry): entry is [string, File] => typeof entry[1] !== "string" && entry[1].size > 0,
  );
  const refusedRequest: RefusedRequest = target.multipart && files.length > 0 ? "upload" : "text";
  const sizeOf = ([, value]: [string, FormDataEntryValue]) =>
    typeof value === "string" ? value.length : value.size;
  const blamed = (refusedRequest === "upload" ? files : entries).reduce((largest, entry) =>
    sizeOf(entry) > sizeOf(largest) ? entry : largest,
  );
  const { title, body } = refusedRequestText[refusedRequest];
  // the limit, the first sentence of the refusal page's words ("Go back to the form" is for that page)
  const limitSentence = /^[^.]*\./.exec(body)?.[0] ?? body;
  return { refusedRequest, message: `${title}. ${limitSentence}`, field: blamed[0] };
}
