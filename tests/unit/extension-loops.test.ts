import { describe, expect, it } from 'vitest';
import { findLoops, loopThrough } from '@/lib/extensions/loops';

const graph = (edges: Record<string, string | null>) => new Map(Object.entries(edges));

describe('loopThrough', () => {
  it('finds A -> B -> A', () => {
    expect(loopThrough('A', 'B', graph({ A: null, B: 'A' }))).toEqual(['A', 'B', 'A']);
  });

  it('finds A -> B -> C -> A', () => {
    expect(loopThrough('A', 'B', graph({ A: null, B: 'C', C: 'A' }))).toEqual(['A', 'B', 'C', 'A']);
  });

  it('finds the group sending to itself', () => {
    expect(loopThrough('A', 'A', graph({ A: null }))).toEqual(['A', 'A']);
  });

  it('ignores the group’s own current edge: only the proposed target counts', () => {
    expect(loopThrough('A', 'B', graph({ A: 'C', B: 'user-1', C: 'A' }))).toBeUndefined();
  });

  it('accepts chains that end at a user, a conference, voicemail or nothing', () => {
    expect(loopThrough('A', 'B', graph({ B: 'C', C: 'user-1' }))).toBeUndefined();
    expect(loopThrough('A', 'user-1', graph({}))).toBeUndefined();
    expect(loopThrough('A', null, graph({ B: 'A' }))).toBeUndefined();
  });

  it('stops on a loop elsewhere that does not come back to the group', () => {
    expect(loopThrough('A', 'B', graph({ B: 'C', C: 'B' }))).toBeUndefined();
  });
});

describe('findLoops', () => {
  it('names every group on a loop, and none off it', () => {
    const loops = findLoops(graph({ A: 'B', B: 'C', C: 'A', D: 'A', E: null }));
    expect(loops.map((l) => l.groupId)).toEqual(['A', 'B', 'C']);
    expect(loops[0].loop).toEqual(['A', 'B', 'C', 'A']);
  });

  it('finds nothing in a loop-free graph', () => {
    expect(findLoops(graph({ A: 'B', B: 'C', C: null, D: 'C' }))).toEqual([]);
  });
});
