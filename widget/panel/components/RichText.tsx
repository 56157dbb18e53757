import { splitText } from '../text-parts';

/** Text a person typed: plain text nodes (Preact escapes them) and http(s) links only. */
export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitText(text).map((part, i) =>
        part.kind === 'link' ? (
          <a key={i} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
