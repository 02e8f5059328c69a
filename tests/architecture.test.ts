import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The floors of src/, each importing only the floors below it (docs/architecture.md):
 *   core (layers 0 to 5, by the number in the folder name) < app < adapters < http, cli, web < main.
 * Type-only imports count: a type that points up is a design that points up.
 */
const SRC = path.join(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Import {
  from: string;
  specifier: string;
  /** The file it resolves to, for a relative import. */
  target?: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\s)(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"]([^'"]+)['"]|(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/gm)].map((m) => (m[1] ?? m[2]) as string);
  return specifiers.map((specifier) => {
    if (!specifier.startsWith('.')) return { from: file, specifier };
    const base = path.resolve(path.dirname(file), specifier);
    const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => files.includes(candidate));
    return { from: file, specifier, ...(target ? { target } : {}) };
  });
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((f) => [f, importsOf(f)]));

type Floor = { name: 'core'; layer: number } | { name: 'app' | 'adapters' | 'http' | 'cli' | 'web' | 'main' };

function floorOf(file: string): Floor {
  const [top, second] = path.relative(SRC, file).split(path.sep);
  if (top === 'core') {
    const layer = /^(\d+)-/.exec(second ?? '')?.[1];
    if (layer === undefined) throw new Error(`${path.relative(SRC, file)}: core files live in a numbered layer folder`);
    return { name: 'core', layer: Number(layer) };
  }
  if (top === 'app' || top === 'adapters' || top === 'http' || top === 'cli' || top === 'web' || top === 'main') return { name: top };
  throw new Error(`${path.relative(SRC, file)}: not on any floor`);
}

const RANK = { core: 0, app: 1, adapters: 2, http: 3, cli: 3, web: 3, main: 4 } as const;

/** Whether a file on `from` may import a file on `to`. */
function mayImport(from: Floor, to: Floor): boolean {
  if (from.name === 'core') return to.name === 'core' && to.layer <= from.layer;
  if (from.name === 'main') return true;
  // The surfaces stand side by side: none imports another, nor the adapters (the composition root wires those in).
  if (from.name === 'http' || from.name === 'cli') return to.name === from.name || to.name === 'core' || to.name === 'app';
  if (from.name === 'web') return to.name === 'web' || to.name === 'core';
  return RANK[to.name] <= RANK[from.name];
}

/** Packages a floor may use directly; the third-party libraries belong to the adapters (and the surfaces' own frameworks). */
function mayUsePackage(from: Floor, specifier: string): boolean {
  if (from.name === 'core') return specifier === 'zod';
  if (from.name === 'app' || from.name === 'cli') return specifier === 'zod' || specifier.startsWith('node:');
  if (from.name === 'web') return false;
  return true;
}

const rel = (f: string): string => path.relative(SRC, f);

/** Every cycle a depth-first walk meets, as "a -> b -> a". */
function cyclesOf(edges: Map<string, string[]>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (node: string, trail: string[]): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(node)), node].join(' -> '));
      return;
    }
    state.set(node, 'open');
    for (const next of edges.get(node) ?? []) visit(next, [...trail, node]);
    state.set(node, 'done');
  };
  for (const node of edges.keys()) visit(node, []);
  return cycles;
}

describe('the import graph of src/', () => {
  it('puts every file on a floor', () => {
    for (const f of files) expect(() => floorOf(f)).not.toThrow();
  });

  it('resolves every relative import to a source file', () => {
    const unresolved = [...graph.values()].flat().filter((i) => i.specifier.startsWith('.') && !i.target && !i.specifier.endsWith('.json'));
    expect(unresolved.map((i) => `${rel(i.from)} -> ${i.specifier}`)).toEqual([]);
  });

  it('has no import that runs back up a floor or a core layer', () => {
    const upward = [...graph.values()]
      .flat()
      .filter((i) => i.target && !mayImport(floorOf(i.from), floorOf(i.target)))
      .map((i) => `${rel(i.from)} -> ${rel(i.target as string)}`);
    expect(upward).toEqual([]);
  });

  it('keeps the core and the use cases free of third-party libraries (zod only)', () => {
    const outside = [...graph.values()]
      .flat()
      .filter((i) => !i.specifier.startsWith('.') && !mayUsePackage(floorOf(i.from), i.specifier))
      .map((i) => `${rel(i.from)} -> ${i.specifier}`);
    expect(outside).toEqual([]);
  });

  it('reads the imports of every file', () => {
    expect(files.length).toBeGreaterThan(60);
    expect([...graph.values()].flat().filter((i) => i.target).length).toBeGreaterThan(200);
  });

  it('has no cycle', () => {
    const edges = new Map([...graph].map(([f, imports]) => [rel(f), imports.flatMap((i) => (i.target ? [rel(i.target)] : []))]));
    expect(cyclesOf(edges)).toEqual([]);
  });

  // The checks above must be able to fail: a made-up upward import and a made-up cycle are caught.
  it('catches an upward import and a cycle when there is one', () => {
    expect(cyclesOf(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual(['a -> b -> c -> a']);
    expect(mayImport({ name: 'core', layer: 2 }, { name: 'core', layer: 4 })).toBe(false);
    expect(mayImport({ name: 'app' }, { name: 'adapters' })).toBe(false);
    expect(mayImport({ name: 'http' }, { name: 'main' })).toBe(false);
    expect(mayUsePackage({ name: 'core', layer: 1 }, 'natural')).toBe(false);
  });
});
