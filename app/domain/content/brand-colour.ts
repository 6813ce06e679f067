// The council's brand colour sits behind white text in the header and emails, so it must keep WCAG AA
// contrast (4.5:1) with white.
export const MIN_CONTRAST_WITH_WHITE = 4.5;

// The partnership's neutral navy, which every council starts with (the column's default in schema.prisma).
export const DEFAULT_BRAND_COLOUR = "#1d3d7a";

// A colour as people copy it from brand guidelines: with or without the "#", in six digits or CSS's three (#fff is
// #ffffff), in either case, read as "#rrggbb". Anything else comes back as written, to be refused.
export function readHexColour(value: string) {
  const digits = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value.trim())?.[1];
  if (!digits) return value;
  const six = digits.length === 3 ? [...digits].map((d) => d + d).join("") : digits;
  return `#${six.toLowerCase()}`;
}

export function isHexColour(value: string) {
  return /^#[0-9a-f]{6}$/i.test(value);
}

function channel(hex: string) {
  const c = parseInt(hex, 16) / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// WCAG 2.2 relative luminance and contrast ratio against white (#ffffff, luminance 1).
export function contrastWithWhite(hexColour: string) {
  const hex = hexColour.slice(1);
  const luminance =
    0.2126 * channel(hex.slice(0, 2)) + 0.7152 * channel(hex.slice(2, 4)) + 0.0722 * channel(hex.slice(4, 6));
  return 1.05 / (luminance + 0.05);
}

// A shade of a "#rrggbb" colour: `share` (0 to 1) of it mixed with black or white. Mixed with black it only
// darkens, so white text on it keeps at least the contrast it had.
export function mixHexColour(hexColour: string, withColour: "black" | "white", share: number) {
  const target = withColour === "black" ? 0 : 255;
  const mixed = [1, 3, 5].map((at) => {
    const value = parseInt(hexColour.slice(at, at + 2), 16);
    return Math.round(value * share + target * (1 - share))
      .toString(16)
      .padStart(2, "0");
  });
  return `#${mixed.join("")}`;
}

/**
 * The colour a header or email may carry for a council's stored brand colour: the colour as "#rrggbb" if it is one
 * an admin could save (a hex colour dark enough for white text), otherwise the default. The settings form checks
 * it on save, but a value saved before those checks, or put in the database by hand ("red; background:url(x)"),
 * must reach neither the header's CSS variables nor an email's style.
 */
export function brandColourToShow(stored: string | null | undefined) {
  return brandColourUsable(stored) ? readHexColour(stored) : DEFAULT_BRAND_COLOUR;
}

/** Whether a stored brand colour is one an admin could save, so shown as it is (not replaced by the default). */
export function brandColourUsable(stored: string | null | undefined): stored is string {
  if (!stored) return false;
  const colour = readHexColour(stored);
  return isHexColour(colour) && contrastWithWhite(colour) >= MIN_CONTRAST_WITH_WHITE;
}
