import { describe, expect, it } from 'vitest';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import type {
  CompiledSample,
  CompiledSequence,
} from '../../lambda/eql/CompiledQuery';
import { EqlSemanticError } from '../../lambda/eql/errors';
import type { StageNode } from '../../lambda/eql/index';
import {
  compileQuery,
  getField,
  loadQuery,
  parseQuery,
} from '../../lambda/eql/index';

function loadSequence(text: string): CompiledSequence {
  const query = loadQuery(text);
  if (query.kind !== 'sequence') throw new Error('expected a sequence');
  return query;
}

function loadSample(text: string): CompiledSample {
  const query = loadQuery(text);
  if (query.kind !== 'sample') throw new Error('expected a sample');
  return query;
}

function semanticError(text: string): EqlSemanticError {
  try {
    loadQuery(text);
  } catch (error) {
    if (error instanceof EqlSemanticError) return error;
    throw error;
  }
  throw new Error(`no error for ${text}`);
}

const processStart = (name: string, host = 'h1'): EcsDocument => ({
  event: { category: 'process', type: 'start' },
  host: { id: host },
  process: { name },
});

describe('compiling an event query', () => {
  it('keeps the pipes and the syntax tree', () => {
    const query = loadQuery('process where true | head 5');
    expect(query.pipes).toEqual([expect.objectContaining({ name: 'head' })]);
    expect(query.ast.source).toBe('process where true | head 5');
  });

  it('runs the first published rule stage on an ECS event', () => {
    const query = loadQuery(
      'process where event.type == "start" and process.name : "msiexec.exe"' +
        ' and process.args : ("/i*", "-i*")',
    );
    if (query.kind !== 'event') throw new Error('expected an event query');
    const install = {
      ...processStart('MSIEXEC.EXE'),
      'process.args': ['msiexec.exe', '/I', 'C:\\x.msi'],
    };
    const repair = { ...install, 'process.args': ['msiexec.exe', '/f'] };
    expect(query.filter(install)).toBe(true);
    expect(query.filter(repair)).toBe(false);
  });
});

describe('compiling a sequence', () => {
  it('expands with runs=N into N stages and carries maxspan in ms', () => {
    const query = loadSequence(
      'sequence by host.id with maxspan=1m' +
        ' [process where process.name == "a"] with runs=3' +
        ' [process where process.name == "b"]',
    );
    expect(query.stages).toHaveLength(4);
    expect(query.stages.map((s) => s.filter(processStart('a')))).toEqual([
      true,
      true,
      true,
      false,
    ]);
    expect(query.maxspanMs).toBe(60_000);
    expect(query.until).toBeNull();
  });

  it('puts sequence keys before stage keys', () => {
    const query = loadSequence(
      'sequence by host.id [process where true] by process.name' +
        ' [process where true] by process.parent.name',
    );
    const event = {
      ...processStart('a', 'h9'),
      'process.parent.name': 'p',
    };
    const first = query.stages[0]?.keys.map((key) => key(event));
    const second = query.stages[1]?.keys.map((key) => key(event));
    expect(first).toEqual([['h9'], ['a']]);
    expect(second).toEqual([['h9'], ['p']]);
  });

  it('compiles until as a stage with the sequence keys', () => {
    const query = loadSequence(
      'sequence by host.id [process where true] [process where true]' +
        ' until [process where event.type == "end"]',
    );
    const end = {
      ...processStart('a'),
      event: { category: 'process', type: 'end' },
    };
    expect(query.until?.filter(end)).toBe(true);
    expect(query.until?.filter(processStart('a'))).toBe(false);
    expect(query.until?.keys[0]?.(end)).toEqual(['h1']);
  });

  it('carries missing stages through', () => {
    const query = loadSequence(
      'sequence with maxspan=5s [process where true] ![file where true]',
    );
    expect(query.stages.map((stage) => stage.missing)).toEqual([false, true]);
  });

  it('rejects missing stages without a maxspan', () => {
    const error = semanticError(
      'sequence [process where true] ![file where true]',
    );
    expect(error.reason).toContain('maxspan');
  });

  it('rejects runs outside 1 to 100 in a tree built by hand', () => {
    const ast = parseQuery('sequence [process where true] [file where true]');
    if (ast.body.kind !== 'sequence') throw new Error('expected a sequence');
    const [first, second] = ast.body.stages;
    const stages = [{ ...first, runs: 101 }, second] as StageNode[];
    const tree = { ...ast, body: { ...ast.body, stages } };
    expect(() => compileQuery(tree)).toThrow(EqlSemanticError);
  });
});

describe('join keys', () => {
  const keyOf = (text: string, event: EcsDocument) =>
    loadSequence(text).stages[0]?.keys[0]?.(event);

  it('gives each element of a multi-valued key, without duplicates', () => {
    const text = 'sequence by user.id [any where true] [any where true]';
    expect(keyOf(text, { user: { id: ['a', 'b', 'a'] } })).toEqual(['a', 'b']);
  });

  it('keeps values exactly, with their case and type', () => {
    const text = 'sequence by process.pid [any where true] [any where true]';
    expect(keyOf(text, { process: { pid: 4 } })).toEqual([4]);
    expect(keyOf(text, { process: { pid: 'Four' } })).toEqual(['Four']);
  });

  it('does not join on a missing or null key', () => {
    const text = 'sequence by user.id [any where true] [any where true]';
    expect(keyOf(text, {})).toEqual([]);
    expect(keyOf(text, { user: { id: null } })).toEqual([]);
  });

  it('joins a missing optional key as null', () => {
    const text = 'sequence by ?user.id [any where true] [any where true]';
    expect(keyOf(text, {})).toEqual([null]);
    expect(keyOf(text, { user: { id: 'u' } })).toEqual(['u']);
  });
});

describe('compiling a sample', () => {
  it('compiles each stage with the sample keys', () => {
    const query = loadSample(
      'sample by host.id [process where true] [file where true]',
    );
    expect(query.stages).toHaveLength(2);
    expect(query.stages[1]?.filter({ event: { category: 'file' } })).toBe(true);
    expect(query.stages[0]?.keys[0]?.(processStart('x', 'h2'))).toEqual(['h2']);
  });
});

describe('load-time errors', () => {
  it('points at an unknown function with a caret and a hint', () => {
    const error = semanticError('process where stringContans(a, "b")');
    expect(error.pos.column).toBe(15);
    expect(error.describe()).toContain('^^^');
    expect(error.hint).toBe('did you mean stringContains?');
  });

  it('points at the literal argument of the wrong type', () => {
    const error = semanticError('process where substring("abc", "1") == "b"');
    expect(error.pos.column).toBe(32);
    expect(error.reason).toContain('must be a number');
    expect(error.hint).toBe('write substring(source, start[, end])');
  });

  it('shows how to call a function given the wrong number of arguments', () => {
    const error = semanticError('process where startsWith(process.name)');
    expect(error.reason).toBe('startsWith takes 2 arguments, not 1');
    expect(error.hint).toBe('write startsWith(source, substring)');
  });

  it('chains the regex error as the cause', () => {
    const error = semanticError('process where a regex "(a"');
    expect(error.cause).toBeInstanceOf(Error);
  });
});

describe('getField', () => {
  it('reads nested, flat and mixed dotted paths', () => {
    expect(getField({ a: { b: { c: 1 } } }, 'a.b.c')).toBe(1);
    expect(getField({ 'a.b.c': 2 }, 'a.b.c')).toBe(2);
    expect(getField({ a: { 'b.c': 3 } }, 'a.b.c')).toBe(3);
    expect(getField({ 'a.b': { c: 4 } }, 'a.b.c')).toBe(4);
  });

  it('returns undefined for a missing path and ignores inherited names', () => {
    expect(getField({ a: {} }, 'a.b')).toBeUndefined();
    expect(getField({}, 'constructor')).toBeUndefined();
    expect(getField({ a: 'text' }, 'a.length')).toBeUndefined();
  });

  it('collects a field across an array of objects', () => {
    const event: EcsDocument = { a: [{ b: 1 }, { b: [2, 3] }, { c: 4 }] };
    expect(getField(event, 'a.b')).toEqual([1, 2, 3]);
  });

  it('returns null when the field is present but null', () => {
    expect(getField({ a: null }, 'a')).toBeNull();
  });
});
