import * as Y from 'yjs';

export type DecodedStructs = ReturnType<typeof Y.decodeUpdate>['structs'];

/**
 * Would Yjs integrate these structs completely on `doc`? Each client's first struct must
 * continue where the document is (no gap), and every item must hang off things the
 * document has or that arrive in the same update. Reads the document's clocks one client
 * at a time (Y.getState), so the cost follows the update, not the document.
 */
export function dependenciesPresent(structs: DecodedStructs, doc: Y.Doc): boolean {
  const known = (client: number): number => Y.getState(doc.store, client);
  const inUpdate = new Map<number, { from: number; to: number }>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    if (struct instanceof Y.Skip) return false;
    const range = inUpdate.get(client);
    if (!range) inUpdate.set(client, { from: clock, to: clock + struct.length });
    else range.to = Math.max(range.to, clock + struct.length);
  }
  for (const [client, range] of inUpdate) if (range.from > known(client)) return false;
  const have = (id: Y.ID | null): boolean => {
    if (id === null) return true;
    if (known(id.client) > id.clock) return true;
    const range = inUpdate.get(id.client);
    return range !== undefined && id.clock >= range.from && id.clock < range.to;
  };
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue;
    if (!have(struct.origin) || !have(struct.rightOrigin)) return false;
    if (struct.parent instanceof Y.ID && !have(struct.parent)) return false;
  }
  return true;
}
