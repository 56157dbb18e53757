import { useLayoutEffect, useRef, useState } from 'preact/hooks';

/** Within this many pixels of the end counts as "at the end": sub-pixel rounding and a last line half in view. */
const NEAR_END_PX = 48;

/**
 * Keeps a scrolling log at its newest entry while the reader is there; a reader who scrolled up
 * stays where they are and is told how many entries arrived below (`unseen`). `ownNews`: the latest
 * entry is the operator's own (a sent reply, a note), which always brings the log to its end.
 */
export function useFollowScroll(resetKey: string | null, count: number, ownNews: boolean) {
  const log = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const seen = useRef(count);
  const [unseen, setUnseen] = useState(0);

  function toEnd() {
    const el = log.current;
    if (el) el.scrollTop = el.scrollHeight;
    atEnd.current = true;
    setUnseen(0);
  }

  // A different conversation opens at its end.
  useLayoutEffect(() => {
    seen.current = count;
    toEnd();
  }, [resetKey]);

  useLayoutEffect(() => {
    const added = count - seen.current;
    seen.current = count;
    if (added <= 0) return;
    if (atEnd.current || ownNews) toEnd();
    else setUnseen((n) => n + added);
  }, [count]);

  function onScroll() {
    const el = log.current;
    if (!el) return;
    atEnd.current = el.scrollHeight - el.scrollTop - el.clientHeight <= NEAR_END_PX;
    if (atEnd.current) setUnseen(0);
  }

  return { log, unseen, onScroll, toEnd };
}
