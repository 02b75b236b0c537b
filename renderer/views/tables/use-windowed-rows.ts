import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type RefObject } from 'react';

/** Lists up to this long draw every row: Jill's, Amir's and the Okonkwos' plans are never windowed, so find-in-page sees every word. */
export const WINDOW_ABOVE_ROWS = 60;
/** Rows drawn beyond each edge of the screen, so scrolling and Tab never meet an undrawn row. */
const OVERSCAN_ROWS = 8;
/** Rows kept drawn either side of the focused one (Tab and Shift+Tab always land on a drawn row). */
const FOCUS_REACH = 3;
const FIRST_GUESS_ROW_PX = 56;

/** A run of drawn rows, or the gap (one spacer of the same height) standing in for undrawn ones. */
export type RowSegment = { kind: 'rows'; from: number; to: number } | { kind: 'gap'; from: number; to: number; heightPx: number };

interface WindowedRows {
  segments: readonly RowSegment[];
  /** On the table body: remembers which row has the focus. */
  onFocusCapture: (event: FocusEvent<HTMLElement>) => void;
  windowed: boolean;
}

/**
 * Draws only the rows of a long table that are on (or near) the screen, so a 300-action
 * plan is ~40 rows of live fields, not 300: layout and style work per keystroke stop
 * growing with the plan. The page (or whichever element) scrolls as usual; undrawn rows
 * are one spacer row each side, sized from the measured height of a drawn row. The focused
 * row and the one with open details stay drawn wherever the page is scrolled, so focus and
 * the open form are never lost. Screen readers get the true size from aria-rowcount /
 * aria-rowindex (set by the table).
 */
export function useWindowedRows(count: number, body: RefObject<HTMLTableSectionElement | null>, keepDrawn: number | null): WindowedRows {
  const windowed = count > WINDOW_ABOVE_ROWS;
  const rowPx = useRef(FIRST_GUESS_ROW_PX);
  const [visible, setVisible] = useState<{ from: number; to: number }>({ from: 0, to: Math.min(count, 2 * OVERSCAN_ROWS + 20) });
  const [focused, setFocused] = useState<number | null>(null);

  const measure = useCallback(() => {
    const element = body.current;
    if (!windowed || !element) return;
    const drawn = element.querySelector<HTMLElement>('tr[data-row-index]');
    if (drawn && drawn.offsetHeight > 0) rowPx.current = drawn.offsetHeight;
    const top = element.getBoundingClientRect().top;
    const from = Math.max(0, Math.floor(-top / rowPx.current) - OVERSCAN_ROWS);
    const to = Math.min(count, Math.ceil((window.innerHeight - top) / rowPx.current) + OVERSCAN_ROWS);
    setVisible((current) => (current.from === from && current.to === to ? current : { from, to: Math.max(from, to) }));
  }, [body, count, windowed]);

  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    if (!windowed) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        measure();
      });
    };
    // Capture: any scrolling ancestor (the page, or a scrolled panel) moves the table.
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll, { capture: true });
      window.removeEventListener('resize', onScroll);
    };
  }, [measure, windowed]);

  const onFocusCapture = useCallback((event: FocusEvent<HTMLElement>) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>('tr[data-row-index]');
    const index = Number(row?.dataset.rowIndex);
    if (Number.isInteger(index)) setFocused(index);
  }, []);

  const segments = useMemo<RowSegment[]>(() => {
    if (!windowed) return count > 0 ? [{ kind: 'rows', from: 0, to: count }] : [];
    const ranges: Array<[number, number]> = [[visible.from, Math.min(count, visible.to)]];
    if (focused !== null && focused < count) ranges.push([Math.max(0, focused - FOCUS_REACH), Math.min(count, focused + FOCUS_REACH + 1)]);
    if (keepDrawn !== null && keepDrawn < count) ranges.push([keepDrawn, keepDrawn + 1]);
    ranges.sort((a, b) => a[0] - b[0]);
    const merged: Array<[number, number]> = [];
    for (const range of ranges) {
      const last = merged.at(-1);
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else merged.push([range[0], range[1]]);
    }
    const out: RowSegment[] = [];
    let at = 0;
    for (const [from, to] of merged) {
      if (from > at) out.push({ kind: 'gap', from: at, to: from, heightPx: (from - at) * rowPx.current });
      if (to > from) out.push({ kind: 'rows', from, to });
      at = Math.max(at, to);
    }
    if (at < count) out.push({ kind: 'gap', from: at, to: count, heightPx: (count - at) * rowPx.current });
    return out;
  }, [count, focused, keepDrawn, visible, windowed]);

  return { segments, onFocusCapture, windowed };
}
