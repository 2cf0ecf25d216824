import { describe, expect, it } from 'vitest';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import { groupCandidates } from '../../lambda/engine/groupCandidates';
import type { QueryNode } from '../../lambda/eql/ast';
import type {
  CompiledSequence,
  CompiledStage,
  KeyExtractor,
} from '../../lambda/eql/CompiledQuery';

const hostKey: KeyExtractor = (event) => {
  const value = event.host as EcsDocument[string];
  if (Array.isArray(value)) return value as string[];
  return typeof value === 'string' ? [value] : [];
};

function stage(name: string): CompiledStage {
  return {
    filter: (event) => event.name === name || event.also === name,
    keys: [hostKey],
    runs: 1,
    missing: false,
  };
}

const query: CompiledSequence = {
  kind: 'sequence',
  stages: [stage('a'), stage('b')],
  until: stage('u'),
  maxspanMs: null,
  pipes: [],
  ast: {} as QueryNode,
};

function input(id: string, event: EcsDocument) {
  return { event, id, timestamp: 1, source: { object: 'f' }, tiebreaker: null };
}

describe('groupCandidates', () => {
  it('groups the events that satisfy a stage by join key', () => {
    const groups = groupCandidates(query, [
      input('1', { name: 'a', host: 'h1' }),
      input('2', { name: 'b', host: 'h2' }),
      input('3', { name: 'b', host: 'h1' }),
    ]);
    expect([...groups.keys()].sort()).toEqual(['["h1"]', '["h2"]']);
    const h1 = groups.get('["h1"]');
    expect(h1?.joinKey).toEqual(['h1']);
    expect(h1?.candidates.map((c) => [c.id, c.stages])).toEqual([
      ['1', [0]],
      ['3', [1]],
    ]);
  });

  it('leaves out events that satisfy no stage', () => {
    const groups = groupCandidates(query, [
      input('1', { name: 'z', host: 'h1' }),
    ]);
    expect(groups.size).toBe(0);
  });

  it('numbers the until stage after the stages', () => {
    const groups = groupCandidates(query, [
      input('1', { name: 'u', host: 'h1' }),
    ]);
    expect(groups.get('["h1"]')?.candidates[0]?.stages).toEqual([2]);
  });

  it('gives an event that satisfies several stages one candidate listing them all', () => {
    const groups = groupCandidates(query, [
      input('1', { name: 'a', also: 'b', host: 'h1' }),
    ]);
    expect(groups.get('["h1"]')?.candidates.map((c) => c.stages)).toEqual([
      [0, 1],
    ]);
  });

  it('joins an event with a multi-valued key under each value', () => {
    const groups = groupCandidates(query, [
      input('1', { name: 'a', host: ['h1', 'h2'] }),
    ]);
    expect([...groups.keys()].sort()).toEqual(['["h1"]', '["h2"]']);
  });

  it('does not join an event whose key is missing', () => {
    const groups = groupCandidates(query, [input('1', { name: 'a' })]);
    expect(groups.size).toBe(0);
  });
});
