// The browser's check of a form's size (app/ui/body-limits.ts, used by the shared Form) must count what the form
// would send as the server counts it (the Content-Length it declares): never less, or the form is sent and refused
// with its text lost, and only a little more, or a form the server would take is held back.
import { expect, it } from "vitest";
import {
  formBodyBytes,
  MAX_BODY_BYTES,
  MAX_BOUNDARY_LENGTH,
  multipartBytes,
  MAX_EVIDENCE_POST_BYTES,
  maxBodyBytes,
  tooLargeForm,
} from "~/ui/body-limits.ts";

const form = () => {
  const data = new FormData();
  data.append("title", "Café & crèche, 100% local");
  // a textarea's line breaks as the browser's FormData holds them ("\n"; a lone "\r" too, from a pasted old file)
  data.append("bodyMarkdown", "Line one\nLine two: ✓ done, “quoted” + more\r\nthree\rfour\n\n");
  data.append("intent", "save");
  return data;
};

async function sent(body: FormData | URLSearchParams) {
  const request = new Request("http://localhost/", { method: "POST", body });
  const boundary = /boundary=(.+)$/.exec(request.headers.get("content-type") ?? "")?.[1] ?? "";
  return { bytes: (await request.arrayBuffer()).byteLength, boundary };
}

// As Remix sends a URL-encoded form with JavaScript (@remix-run/router's convertFormDataToSearchParams).
const asRemixSendsIt = (data: FormData) =>
  new URLSearchParams([...data.entries()].map(([k, v]) => [k, typeof v === "string" ? v : v.name]));

it("counts a form of text exactly as Remix sends it, URL-encoded, line breaks and all", async () => {
  const data = form();
  expect(formBodyBytes(data.entries(), false)).toBe((await sent(asRemixSendsIt(data))).bytes);
  // "\n" is sent as %0A (three bytes): Remix sends the FormData's own line breaks, which are not CRLF
  const lines = new FormData();
  lines.append("reason", "a\nb\nc");
  expect(formBodyBytes(lines.entries(), false)).toBe("reason=a%0Ab%0Ac".length);
});

it.each([
  ["text with line breaks", form()],
  [
    "a file and names a browser escapes",
    (() => {
      const data = form();
      data.append('odd "name"\nhere', "x\ny");
      data.append(
        "evidence",
        new File([new Uint8Array(70_000)], 'évidence "report".pdf', { type: "application/pdf" }),
      );
      data.append("untyped", new File(["a,b\n1,2\n"], "plain.csv"));
      return data;
    })(),
  ],
])("counts a multipart form with %s exactly as it is sent, but for the boundary", async (_, data) => {
  const { bytes, boundary } = await sent(data);
  expect(boundary.length).toBeGreaterThan(0);
  expect(multipartBytes(data.entries(), boundary.length)).toBe(bytes);
  // with the longest boundary a browser may choose: never less than is sent
  expect(formBodyBytes(data.entries(), true)).toBe(
    bytes + ([...data.keys()].length + 1) * (MAX_BOUNDARY_LENGTH - boundary.length),
  );
});

it("refuses a multipart text under the limit as characters but over it as sent, its line breaks CRLF", async () => {
  const data = new FormData();
  // 500 characters to spare, but each of its 10,000 line breaks is sent as two bytes
  const text = "x".repeat(MAX_BODY_BYTES - 500 - 10_000) + "\n".repeat(10_000);
  data.append("bodyMarkdown", text);
  expect((await sent(data)).bytes).toBeGreaterThan(MAX_BODY_BYTES);
  expect(
    tooLargeForm([...data.entries()], { method: "POST", pathname: "/requests/new", multipart: true }),
  ).toEqual(expect.objectContaining({ refusedRequest: "text", field: "bodyMarkdown" }));
});

it.each([
  ["POST", "/returns/r1", true, MAX_EVIDENCE_POST_BYTES],
  ["POST", "/returns/r1/", true, MAX_EVIDENCE_POST_BYTES],
  ["POST", "/returns/r1", false, MAX_BODY_BYTES],
  ["POST", "/returns/r1/review", true, MAX_BODY_BYTES],
  ["POST", "/requests/new", true, MAX_BODY_BYTES],
  ["PUT", "/returns/r1", true, MAX_BODY_BYTES],
])("allows %s %s (multipart: %s) %i bytes", (method, path, multipart, limit) => {
  expect(maxBodyBytes(method, path, multipart)).toBe(limit);
});

it("says a form over the limit is too large in the refusal page's words, naming the field most to blame", () => {
  const text = form();
  text.append("description", "x".repeat(MAX_BODY_BYTES));
  expect(
    tooLargeForm([...text.entries()], { method: "POST", pathname: "/requests/new", multipart: false }),
  ).toEqual({
    refusedRequest: "text",
    message: "Too much text. A form can hold up to 11 MB of text.",
    field: "description",
  });
  expect(
    tooLargeForm([...form().entries()], { method: "POST", pathname: "/requests/new", multipart: false }),
  ).toBeNull();

  const upload = form();
  upload.append("evidence", new File([new Uint8Array(MAX_BODY_BYTES)], "big.pdf"));
  const refused = (pathname: string) =>
    tooLargeForm([...upload.entries()], { method: "POST", pathname, multipart: true });
  expect(refused("/requests/new")).toEqual({
    refusedRequest: "upload",
    message: "The file is too large. Files must be 10 MB or smaller.",
    field: "evidence",
  });
  // a return's page takes a file this size, and says so next to its field itself
  expect(refused("/returns/r1")).toBeNull();
});
