// What evidence files we accept, decided by their content (magic bytes), never by the name alone.
// A checker is fed the upload chunk by chunk while it streams, so nothing is held in memory.

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export type EvidenceKind = "pdf" | "png" | "jpeg" | "csv" | "xlsx";

export const EVIDENCE_TYPES: Record<EvidenceKind, { contentType: string; extensions: string[] }> = {
  pdf: { contentType: "application/pdf", extensions: ["pdf"] },
  png: { contentType: "image/png", extensions: ["png"] },
  jpeg: { contentType: "image/jpeg", extensions: ["jpg", "jpeg"] },
  csv: { contentType: "text/csv", extensions: ["csv"] },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
  },
};

export const ACCEPT_ATTRIBUTE = Object.values(EVIDENCE_TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(",");

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => new TextEncoder().encode(text);

const SIGNATURES: { kind: Exclude<EvidenceKind, "csv">; prefix: Uint8Array }[] = [
  { kind: "pdf", prefix: ascii("%PDF-") },
  { kind: "png", prefix: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { kind: "jpeg", prefix: bytes(0xff, 0xd8, 0xff) },
  { kind: "xlsx", prefix: bytes(0x50, 0x4b, 0x03, 0x04) }, // a zip; its entries are checked below
];

// An Excel workbook is a zip whose entry names (stored as plain text) include these.
const XLSX_MARKERS = [ascii("[Content_Types].xml"), ascii("xl/workbook.xml")];
const MARKER_OVERLAP = Math.max(...XLSX_MARKERS.map((m) => m.length));

export function extensionOf(filename: string): string {
  const match = /\.([A-Za-z0-9]+)$/.exec(filename.trim());
  return match ? match[1].toLowerCase() : "";
}

export type EvidenceVerdict =
  { ok: true; kind: EvidenceKind; contentType: string } | { ok: false; message: string };

const TYPES_TAKEN = "a PDF, PNG, JPEG, CSV or Excel (.xlsx) file";
const WRONG_TYPE = `The selected file must be ${TYPES_TAKEN}`;

// What a file of each type we take is called, for one whose contents are not what its name says.
const CALLED: Record<string, string> = {
  pdf: "PDF",
  png: "PNG image",
  jpg: "JPEG image",
  jpeg: "JPEG image",
  csv: "CSV file",
  xlsx: "Excel (.xlsx) file",
};

/** Feed every chunk with `push`, then call `verdict` once the upload has ended. */
export class EvidenceTypeChecker {
  private head: Uint8Array = new Uint8Array(0);
  private tail: Uint8Array = new Uint8Array(0);
  private seenMarkers = new Set<number>();
  private decoder = new TextDecoder("utf-8", { fatal: true });
  private validText = true;
  // Excel saves "CSV" in the Windows code page (£ as 0xA3), which is not UTF-8: any 8-bit text will do
  private plainBytes = true;
  private size = 0;

  constructor(private readonly filename: string) {}

  push(chunk: Uint8Array) {
    this.size += chunk.length;
    if (this.head.length < 16) this.head = concat(this.head, chunk.subarray(0, 16 - this.head.length));
    if (this.plainBytes && !isPlainText(chunk)) this.plainBytes = false;
    if (this.validText) {
      try {
        this.decoder.decode(chunk, { stream: true });
        if (chunk.includes(0)) this.validText = false;
      } catch {
        this.validText = false;
      }
    }
    const window = concat(this.tail, chunk);
    XLSX_MARKERS.forEach((marker, index) => {
      if (!this.seenMarkers.has(index) && indexOf(window, marker) >= 0) this.seenMarkers.add(index);
    });
    this.tail = window.subarray(Math.max(0, window.length - MARKER_OVERLAP));
  }

  verdict(): EvidenceVerdict {
    if (this.size === 0) return { ok: false, message: "The selected file is empty" };
    const extension = extensionOf(this.filename);
    const kind = this.detect();
    // a type we do not take ("notes.txt", "rota.tsv") is not "contents that are not a .txt file"
    const allowedName = Object.values(EVIDENCE_TYPES).some((t) => t.extensions.includes(extension));
    if (!kind || (extension && !allowedName)) return { ok: false, message: WRONG_TYPE };
    // a name with no type at the end ("Q1 report") is taken for what its signature shows it is, and stored with
    // that type's extension; text has no signature, so it is not taken for a CSV file without the name saying so
    if (!extension) {
      return kind === "csv"
        ? { ok: false, message: `${WRONG_TYPE}, with its type at the end of its name, like hours.csv` }
        : { ok: true, kind, contentType: EVIDENCE_TYPES[kind].contentType };
    }
    if (!EVIDENCE_TYPES[kind].extensions.includes(extension)) {
      return {
        ok: false,
        message: `The selected file is not a real ${CALLED[extension] ?? `.${extension} file`}: choose ${TYPES_TAKEN}`,
      };
    }
    return { ok: true, kind, contentType: EVIDENCE_TYPES[kind].contentType };
  }

  private detect(): EvidenceKind | null {
    for (const signature of SIGNATURES) {
      if (startsWith(this.head, signature.prefix)) {
        if (signature.kind === "xlsx") return this.seenMarkers.size === XLSX_MARKERS.length ? "xlsx" : null;
        return signature.kind;
      }
    }
    if (this.validText) {
      try {
        this.decoder.decode(); // flush: a truncated multi-byte character is not text
        return "csv";
      } catch {
        this.validText = false;
      }
    }
    return this.plainBytes ? "csv" : null;
  }
}

/** The name an accepted file is stored under: its own, with its type's extension when it has none. */
export function storedFilename(safeName: string, kind: EvidenceKind): string {
  if (extensionOf(safeName)) return safeName;
  return `${safeName}.${EVIDENCE_TYPES[kind].extensions[0]}`;
}

/** A filename safe to put in a Content-Disposition header and on anyone's disk. */
export function safeFilename(original: string): string {
  const base = original.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFKD")
    .replace(/[^\w.\- ]+/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim()
    .slice(-120);
  // a name with no ASCII letters before its extension ("отчёт.pdf") keeps the extension its type is checked by
  const extension = /\.([A-Za-z0-9]+)$/.exec(base.trim())?.[1];
  if (extension && !cleaned.toLowerCase().endsWith(`.${extension.toLowerCase()}`))
    return `evidence.${extension}`;
  return cleaned || "evidence";
}

/** No NUL or other control bytes besides tab, CR and LF: text in some 8-bit encoding, not binary. */
function isPlainText(chunk: Uint8Array): boolean {
  for (const byte of chunk) {
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) || byte === 0x7f) return false;
  }
  return true;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function startsWith(data: Uint8Array, prefix: Uint8Array): boolean {
  if (data.length < prefix.length) return false;
  return prefix.every((b, i) => data[i] === b);
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
