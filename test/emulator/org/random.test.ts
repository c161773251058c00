import assert from 'node:assert/strict';
import { createRng, hash32, mulberry32, uuidFor, uuidV4 } from '../../../src/emulator/org/random';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('emulator/org random', () => {
  it('mulberry32 repeats its sequence for the same seed and differs for another seed', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = Array.from({ length: 20 }, () => a());
    const seqB = Array.from({ length: 20 }, () => b());
    const seqC = Array.from({ length: 20 }, () => c());
    assert.deepEqual(seqA, seqB);
    assert.notDeepEqual(seqA, seqC);
    for (const x of seqA) assert.ok(x >= 0 && x < 1);
  });

  it('hash32 is stable, order-sensitive and distinguishes numbers from strings', () => {
    assert.equal(hash32(1, 'a'), hash32(1, 'a'));
    assert.notEqual(hash32(1, 'a'), hash32('a', 1));
    assert.notEqual(hash32(1), hash32('1'));
    assert.notEqual(hash32(2 ** 40), hash32(0));
    const h = hash32('seed', 42);
    assert.ok(Number.isInteger(h) && h >= 0 && h < 2 ** 32);
  });

  it('mints RFC 4122 version-4 shaped UUIDs deterministically', () => {
    const rng = createRng(123);
    const ids = Array.from({ length: 200 }, () => rng.uuid());
    for (const id of ids) assert.match(id, UUID_V4);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(uuidFor(5, 'x'), uuidFor(5, 'x'));
    assert.notEqual(uuidFor(5, 'x'), uuidFor(6, 'x'));
    assert.match(uuidV4(mulberry32(0)), UUID_V4);
  });

  it('int() stays within inclusive bounds and hits both ends', () => {
    const rng = createRng(99);
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const v = rng.int(2, 5);
      assert.ok(v >= 2 && v <= 5);
      seen.add(v);
    }
    assert.deepEqual([...seen].sort(), [2, 3, 4, 5]);
  });
});
