import * as Y from 'yjs';
import { createItem, getPlanText, removeItem, updateItem } from '../../../../shared/plan';
import { seededRandom } from '../../../support/seeded-random';
import { forkDoc } from '../../plan/fixtures/sync-docs';

export interface CorpusCase {
  label: string;
  update: Uint8Array;
}

const nurse = { by: 'Tom Reid', at: '2025-03-14T10:00:00.000Z' };

/** An update a peer makes on a copy of `base` with `edit`. */
function peerUpdate(base: Y.Doc, edit: (peer: Y.Doc) => void): Uint8Array {
  const peer = forkDoc(base);
  const before = Y.encodeStateVector(peer);
  peer.transact(() => edit(peer));
  const update = Y.encodeStateAsUpdate(peer, before);
  peer.destroy();
  return update;
}

function firstId(doc: Y.Doc, section: string): string {
  const [id] = doc.getMap(section).keys();
  if (id === undefined) throw new Error(`no item in ${section}`);
  return id;
}

/** Honest edits of every kind the plan sees: the material the corruptions are made from. */
function realEdits(base: Y.Doc): CorpusCase[] {
  const goalId = firstId(base, 'goals');
  const actionId = firstId(base, 'actions');
  return [
    { label: 'typing in About me', update: peerUpdate(base, (peer) => getPlanText(peer, ['aboutMe', 'whatMatters'])?.insert(0, 'Seeing my grandson. ')) },
    { label: "typing in an action's notes", update: peerUpdate(base, (peer) => getPlanText(peer, ['actions', actionId, 'notes'])?.insert(0, 'Booked for Tuesday. ')) },
    { label: 'a new goal', update: peerUpdate(base, (peer) => void createItem(peer, ['goals'], { words: 'Walk to the shop' }, nurse)) },
    { label: 'a new step under a goal', update: peerUpdate(base, (peer) => void createItem(peer, ['goals', goalId, 'steps'], { text: 'To the gate first' }, nurse)) },
    { label: 'an action linked and re-dated', update: peerUpdate(base, (peer) => updateItem(peer, ['actions'], actionId, { dueDate: '2025-04-01', goalIds: [goalId] })) },
    { label: 'an action removed', update: peerUpdate(base, (peer) => removeItem(peer, ['actions'], actionId, nurse)) },
    { label: 'a name deleted', update: peerUpdate(base, (peer) => getPlanText(peer, ['person', 'firstName'])?.delete(0, 2)) },
  ];
}

/** Honest edits that build on an earlier edit the receiver has not had (out-of-order delivery). */
function outOfOrderEdits(base: Y.Doc): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const secondOf = (first: (peer: Y.Doc) => void, second: (peer: Y.Doc) => void): Uint8Array => {
    const peer = forkDoc(base);
    peer.transact(() => first(peer));
    const between = Y.encodeStateVector(peer);
    peer.transact(() => second(peer));
    const update = Y.encodeStateAsUpdate(peer, between);
    peer.destroy();
    return update;
  };
  const notes = (peer: Y.Doc) => getPlanText(peer, ['aboutMe', 'whatMatters']);
  cases.push({ label: 'typing that continues a word not received yet', update: secondOf((peer) => notes(peer)?.insert(0, 'Seeing '), (peer) => notes(peer)?.insert(7, 'my grandson')) });
  let goalId = '';
  cases.push({
    label: 'a step under a goal not received yet',
    update: secondOf(
      (peer) => void (goalId = createItem(peer, ['goals'], { words: 'Walk to the shop' }, nurse)),
      (peer) => void createItem(peer, ['goals', goalId, 'steps'], { text: 'To the gate first' }, nurse),
    ),
  });
  cases.push({ label: 'a deletion of text not received yet', update: secondOf((peer) => notes(peer)?.insert(0, 'Seeing '), (peer) => notes(peer)?.delete(0, 3)) });
  return cases;
}

/** Hand-made hostile updates: each breaks the plan's shape in one way, at every depth. */
function hostileEdits(base: Y.Doc): CorpusCase[] {
  const goalId = firstId(base, 'goals');
  const actionId = firstId(base, 'actions');
  const item = (peer: Y.Doc, section: string, id: string) => peer.getMap(section).get(id) as Y.Map<unknown>;
  return [
    { label: 'a record field of the wrong kind', update: peerUpdate(base, (peer) => peer.getMap('person').set('firstName', 42)) },
    { label: 'an unknown root', update: peerUpdate(base, (peer) => peer.getMap('bitcoin').set('x', 1)) },
    { label: 'list content in a record section', update: peerUpdate(base, (peer) => peer.getArray('aboutMe').insert(0, ['junk'])) },
    { label: 'list content in a collection', update: peerUpdate(base, (peer) => peer.getArray('actions').insert(0, ['junk'])) },
    { label: 'an unknown field on an item', update: peerUpdate(base, (peer) => item(peer, 'actions', actionId).set('bitcoinAddress', 'x')) },
    { label: "an item's field deleted", update: peerUpdate(base, (peer) => item(peer, 'actions', actionId).delete('owner')) },
    { label: "an item's text replaced by a number", update: peerUpdate(base, (peer) => item(peer, 'actions', actionId).set('notes', 7)) },
    { label: 'over-long text in an item', update: peerUpdate(base, (peer) => (item(peer, 'actions', actionId).get('notes') as Y.Text).insert(0, 'x'.repeat(300_000))) },
    { label: 'an item with an unusable id', update: peerUpdate(base, (peer) => peer.getMap('goals').set('../../etc', new Y.Map())) },
    { label: 'an item that is not a map', update: peerUpdate(base, (peer) => peer.getMap('goals').set('0f3c2a1b-0000-4000-8000-000000000001', 'a goal')) },
    { label: 'a bad value in a link set', update: peerUpdate(base, (peer) => (item(peer, 'actions', actionId).get('goalIds') as Y.Map<unknown>).set(goalId, 'yes')) },
    { label: 'a nested step of the wrong shape', update: peerUpdate(base, (peer) => (item(peer, 'goals', goalId).get('steps') as Y.Map<unknown>).set('0f3c2a1b-0000-4000-8000-000000000002', 5)) },
    { label: 'a nested collection replaced', update: peerUpdate(base, (peer) => item(peer, 'goals', goalId).set('steps', 'none')) },
    { label: 'a schema version from the future', update: peerUpdate(base, (peer) => peer.getMap('meta').set('schemaVersion', 42)) },
    { label: 'an unknown meta detail', update: peerUpdate(base, (peer) => peer.getMap('meta').set('owner', 'mallory')) },
    { label: 'a choice outside its values', update: peerUpdate(base, (peer) => item(peer, 'actions', actionId).set('status', 'exploded')) },
    {
      label: 'too many goals',
      update: peerUpdate(base, (peer) => {
        for (let index = 0; index < 201; index += 1) createItem(peer, ['goals'], { words: `goal ${index}` }, nurse);
      }),
    },
    { label: 'a whole collection replaced', update: peerUpdate(base, (peer) => peer.getMap('actions').clear()) },
  ];
}

/**
 * The corpus both gates are judged on: honest edits, hostile edits, and seeded damage to
 * honest edits (bytes flipped, truncated, both) — what a faulty peer or a bad disk sends.
 */
export function seededCorruptions(base: Y.Doc, seed: number, damaged = 180): CorpusCase[] {
  const honest = realEdits(base);
  const random = seededRandom(seed);
  const cases: CorpusCase[] = [...honest, ...outOfOrderEdits(base), ...hostileEdits(base)];
  for (let round = 0; round < damaged; round += 1) {
    const source = honest[round % honest.length] ?? honest[0];
    if (!source) break;
    let bytes = new Uint8Array(source.update);
    if (round % 3 === 0) bytes = bytes.slice(0, Math.max(1, Math.floor(random() * bytes.byteLength)));
    for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips -= 1) {
      const at = Math.floor(random() * bytes.byteLength);
      bytes[at] = Math.floor(random() * 256);
    }
    cases.push({ label: `${source.label}, damaged (round ${round})`, update: bytes });
  }
  return cases;
}
