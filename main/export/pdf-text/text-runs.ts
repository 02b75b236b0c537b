import { emojiAsWords, isEmojiCluster } from './emoji-names';
import type { FontFace } from './font-faces';
import type { FontHandle } from './pdfkit-font-adapter';

/** A stretch of the text (UTF-16 offsets, end exclusive) drawn with one face. */
export interface TextRun {
  start: number;
  end: number;
  face: FontFace;
  /** Words drawn instead of the text: an emoji no font can draw, e.g. "[sunflower]". */
  drawnAs?: string;
}

export interface UndrawableCharacter {
  /** The character itself, and as U+XXXX (some are invisible or look like others). */
  character: string;
  codePoint: string;
}

export interface SegmentedText {
  text: string;
  runs: TextRun[];
  undrawable: UndrawableCharacter[];
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Invisible format characters (joiners, variation selectors, bidi marks, soft hyphen). A face
 * need not have them to draw the cluster around them; the ones it lacks are left out of the
 * glyphs (see drawnText) rather than drawn as a box.
 */
const INVISIBLE = /^[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f]$/u;

function covers(handle: FontHandle, cluster: string): boolean {
  for (const char of cluster) {
    if (INVISIBLE.test(char)) continue;
    if (!handle.has(char.codePointAt(0) ?? 0)) return false;
  }
  return true;
}

function hex(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Splits text into runs, each drawn by the first face of the chain that has every
 * character of a grapheme cluster (so a letter and its accents or vowel signs never split
 * across fonts). An emoji no face has is written as its name; anything else no face has is
 * reported, never drawn as "?".
 */
export function segmentText(text: string, chain: readonly FontHandle[], fontDirectory: string): SegmentedText {
  const runs: TextRun[] = [];
  const undrawable: UndrawableCharacter[] = [];
  const fallback = chain[0];
  if (!fallback) throw new Error('No fonts to draw with');
  const clusters = [...segmenter.segment(text)];
  const faceOf = (cluster: string): FontHandle | undefined => chain.find((candidate) => covers(candidate, cluster));
  clusters.forEach(({ segment, index }, position) => {
    const end = index + segment.length;
    if (segment === '\n' || segment === '\r\n') return; // never drawn: lines are cut there
    // Spaces, punctuation and digits come from the first face that has them (Latin), so a
    // bracket after an Arabic name is the document's bracket and bidi puts it in its place;
    // what Latin lacks (the Arabic comma) comes from the script's face. A space between two
    // words of one script stays in that script's run, so "রহিমা বেগম" is one run, shaped and
    // spelled out (ActualText) as one name.
    let handle = faceOf(segment);
    const previous = runs.at(-1);
    if (segment === ' ' && previous && previous.end === index && previous.drawnAs === undefined && previous.face.script !== 'latin') {
      let next = position + 1;
      while (clusters[next]?.segment === ' ') next += 1;
      const following = clusters[next];
      const sameScript = following ? faceOf(following.segment)?.face === previous.face : false;
      const keep = sameScript ? chain.find((candidate) => candidate.face === previous.face) : undefined;
      if (keep && covers(keep, segment)) handle = keep;
    }
    if (handle === undefined && [...segment].every((char) => INVISIBLE.test(char))) {
      // A lone joiner or mark with nothing to join: nothing to draw, nothing to report.
      return;
    }
    if (handle === undefined) {
      const words = isEmojiCluster(segment) ? emojiAsWords(segment, fontDirectory) : null;
      if (words !== null) {
        runs.push({ start: index, end, face: fallback.face, drawnAs: words });
      } else {
        for (const char of segment) {
          if (!INVISIBLE.test(char) && !chain.some((candidate) => candidate.has(char.codePointAt(0) ?? 0))) undrawable.push({ character: char, codePoint: hex(char) });
        }
        runs.push({ start: index, end, face: fallback.face });
      }
      return;
    }
    const last = runs.at(-1);
    if (last && last.face === handle.face && last.drawnAs === undefined && last.end === index) last.end = end;
    else runs.push({ start: index, end, face: handle.face });
  });
  return { text, runs, undrawable };
}

/** The characters of a run as handed to the font: invisible marks the face lacks left out. */
export function drawnText(text: string, run: TextRun, handle: FontHandle): string {
  if (run.drawnAs !== undefined) return run.drawnAs;
  let out = '';
  for (const char of text.slice(run.start, run.end)) {
    if (INVISIBLE.test(char) && !handle.has(char.codePointAt(0) ?? 0)) continue;
    out += char;
  }
  return out;
}
