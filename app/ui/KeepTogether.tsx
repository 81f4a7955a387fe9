/**
 * A text with one part of it never broken over two lines: a løpenummer in a heading breaks at its
 * hyphens on a narrow screen otherwise. Without the part in the text, the text as it is.
 */
export function KeepTogether({ text, part }: { text: string; part: string | null }) {
  const at = part ? text.indexOf(part) : -1;
  if (part === null || at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <span className="sp-nowrap">{part}</span>
      {text.slice(at + part.length)}
    </>
  );
}
