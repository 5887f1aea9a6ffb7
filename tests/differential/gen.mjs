// gen.mjs: writes the differential corpus of the Mustache engine. Random
// templates, partials and data, from a seeded generator (the same seed
// gives the same corpus), each rendered by an independent implementation
// of the spec (wontache, from npm) to give the expected output.
//
//   node tests/differential/gen.mjs [SEED [COUNT]] > corpus.json
//
// (make differential-corpus does it, installing wontache first.) The
// corpus is JSON, one case a line, which the project's YAML loader reads:
//   {"cases": [
//   {"id": "c00001", "template": ..., "data": ..., "partials": {...},
//    "expected": ...},
//   ...]}
//
// The data stays where the two implementations agree by design, so that
// every difference left says something about the engine: no 0 (falsey in
// JavaScript, truthy for us), no floats, no ' or ` in strings (wontache
// escapes them, the spec does not ask it), no lambdas, delimiters without
// '=' (which we refuse), and the two tags of a block alone on their lines
// together or not at all. Each name has one kind in a case, so that
// {{.}} and {{name}} are asked only of values that have a text.
import mustache from 'wontache';

const seed = Number(process.argv[2] ?? 20240601);
const count = Number(process.argv[3] ?? 5600);

// mulberry32: small, fast, and good enough to pick among choices.
function generator(s) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = generator(seed);
const below = (n) => Math.floor(random() * n);
const chance = (p) => random() < p;
const pick = (list) => list[below(list.length)];

// Delimiter pairs: none holds '=' or white space, and template text never
// holds their characters.
const DELIMS = [['{{', '}}'], ['<%', '%>'], ['[[', ']]'], ['|', '|'],
  ['(', ')'], ['<', '>'], ['@@', '@@'], ['[', ']'], ['{', '}'],
  ['<<', '>>'], ['$(', ')$']];
const TEXT = ['x', 'ab', 'hello', ' ', '  ', '\n', '\n', '\n', '\t', 'a b',
  '.', ',', '-', '\u00e9', '&', '"', ';', 'line\n', '  \n', '\r\n', '0'];
const STRINGS = ['', 'v', 'hello world', '<b>', 'a & b', '"q"', 'x\ny',
  '\n', '  ', '{{a}}', '\u00e9\u20ac', 'tab\there', 'p3', 'end\n', 'a<>&"z'];
const SCALARS = ['a', 'b', 'c', 'd'];
// Kinds of names: scalar, list of maps (l), list of scalars (l2), empty
// list (e), map (m), booleans (t, f), the recursion's map (k), and the
// dynamic partial's name (pn).

function scalar() {
  switch (below(6)) {
    case 0: return 1 + below(99);
    case 1: return -1 - below(9);
    case 2: return chance(0.5);
    case 3: return null;
    default: return pick(STRINGS);
  }
}

function map(keys, depth) {
  const m = {};
  for (const k of keys)
    if (chance(0.7))
      m[k] = k === 'm' && depth < 2 ? map(['a', 'b', 'y', 'm'], depth + 1)
                                    : scalar();
  return m;
}

function data() {
  const d = {};
  for (const k of SCALARS)
    if (chance(0.8))
      d[k] = scalar();
  d.l = Array.from({length: below(4)}, () => {
    const item = map(['a', 'x'], 0);
    if (chance(0.4))
      item.l2 = Array.from({length: below(3)}, () => pick(['u', 'w', 7, true]));
    if (chance(0.3))
      item.pn = pick(['p3', 'nope']);
    return item;
  });
  if (chance(0.8))
    d.l2 = Array.from({length: below(4)}, () =>
      pick(['u', 'w', 'z<', 5, true]));
  d.e = [];
  if (chance(0.8))
    d.m = map(['a', 'b', 'y', 'm'], 0);
  d.t = true;
  d.f = false;
  d.pn = pick(['p3', 'p3', 'nope']);
  let k = false;
  for (let i = below(4); i > 0; i--)
    k = {v: 'k' + i, k};
  d.k = k;
  return d;
}

// One template being written: its delimiters change as it goes.
class Writer {
  constructor(partials) {
    this.d = DELIMS[0];
    this.partials = partials; // the partials it may name
    this.out = '';
  }
  tag(body) { return this.d[0] + body + this.d[1]; }
  space() { return chance(0.2) ? ' ' : ''; }
}

// What the top of the context stack is: 'scalar' or 'map'.
const PUSHES = {a: 'scalar', b: 'scalar', c: 'scalar', d: 'scalar',
  x: 'scalar', y: 'scalar', l: 'map', l2: 'scalar', m: 'map', t: 'scalar',
  k: 'map', '.': null};

function varName(top) {
  const r = below(12);
  if (r < 5)
    return pick(SCALARS);
  if (r === 5)
    return pick(['x', 'y', 'zz']);
  if (r === 6)
    return pick(['m.a', 'm.b', 'm.m.a', 'm.m.y', 'm.zz', 'a.b', 'l.x']);
  if (r === 7 && top === 'scalar')
    return '.';
  if (r === 8)
    return 'k.v';
  return pick(SCALARS);
}

function text(w) {
  let s = '';
  for (let i = 1 + below(3); i > 0; i--)
    s += pick(TEXT);
  w.out += s;
}

function variable(w, top) {
  const name = varName(top);
  const sp = w.space();
  const r = below(5);
  if (r === 0 && w.d[0] === '{{')
    w.out += '{{{' + sp + name + sp + '}}}';
  else if (r === 1)
    w.out += w.tag('&' + sp + name + sp);
  else
    w.out += w.tag(sp + name + sp);
}

// A tag alone on its line, indented or not, when alone; else inline.
function line(w, body, alone) {
  if (!alone) {
    w.out += w.tag(body);
    return;
  }
  if (w.out !== '' && !w.out.endsWith('\n'))
    w.out += '\n';
  w.out += pick(['', '', ' ', '  ', '\t']) + w.tag(body) +
    pick(['\n', '\n', '\n', '\r\n', '  \n']);
}

function section(w, depth, top, scope) {
  const name = pick(['a', 'b', 'c', 'l', 'l', 'l2', 'e', 'm', 't', 'f',
    'zz', 'm.m', 'k']);
  const inv = chance(0.3);
  const alone = chance(0.5);
  const sp = w.space();
  line(w, (inv ? '^' : '#') + sp + name + sp, alone);
  const inner = inv ? top : (PUSHES[name] ?? (name === 'm.m' ? 'map' : top));
  sequence(w, depth + 1, inner, scope);
  line(w, '/' + sp + name + sp, alone && chance(0.8));
}

function comment(w) {
  line(w, '!' + pick([' note ', 'x', ' multi\nline ', ' {{a}} ', '']),
    chance(0.5));
}

function delimiters(w) {
  const d = pick(DELIMS);
  const body = '=' + w.space() + d[0] + ' ' + d[1] + w.space() + '=';
  line(w, body, chance(0.4));
  w.d = d;
}

function partial(w) {
  const dyn = w.partials.includes('p3') && chance(0.2);
  const name = dyn ? '*pn' : pick(w.partials);
  const alone = chance(0.6);
  if (alone && chance(0.5)) {
    w.out += pick(['', '  ', ' ', '\t']);
    if (w.out !== '' && !/\n[ \t]*$|^[ \t]*$/.test(w.out))
      w.out += '\n';
    w.out += w.tag('>' + w.space() + name) + '\n';
  } else {
    line(w, '>' + w.space() + name, alone);
  }
}

// A block's two tags stand alone together or not at all: the spec says
// nothing of one alone, which wontache and we treat differently.
function block(w, depth, top, scope) {
  const name = pick(['b1', 'b2']);
  const alone = chance(0.4);
  const tag = (body) => {
    if (!alone && /(^|\n)[ \t]*$/.test(w.out))
      w.out += '.';
    line(w, body, alone);
    if (!alone)
      w.out += '.';
  };
  tag('$' + name);
  sequence(w, depth + 1, top, scope);
  tag('/' + name);
}

// {{<p}} with some arguments, and text around them that is ignored.
function parent(w, depth, top, scope) {
  const names = w.partials.filter((p) => p !== 'r');
  const dyn = names.includes('p3') && chance(0.15);
  const name = dyn ? '*pn' : pick(names);
  const alone = chance(0.5);
  line(w, '<' + name, alone);
  for (let i = below(3); i > 0; i--) {
    if (chance(0.3))
      w.out += pick([' ', '\n', 'ignored']);
    block(w, depth + 1, top, scope);
  }
  line(w, '/' + name, alone && chance(0.8));
}

// scope 'leaf': no partial or parent (p3, where the dynamic names lead,
// so that they never recurse); any other scope may use both.
function sequence(w, depth, top, scope) {
  for (let n = 1 + below(depth ? 4 : 7); n > 0; n--) {
    const r = below(20);
    if (r < 6)
      text(w);
    else if (r < 10)
      variable(w, top);
    else if (r < 13 && depth < 3)
      section(w, depth, top, scope);
    else if (r === 13)
      comment(w);
    else if (r === 14)
      delimiters(w);
    else if (r < 17 && w.partials.length && scope !== 'leaf')
      partial(w);
    else if (r === 17 && depth < 2 && w.partials.length > 1 &&
             scope !== 'leaf')
      parent(w, depth, top, scope);
    else if (r === 18 && depth < 3)
      block(w, depth, top, scope);
    else
      text(w);
  }
}

function template(partials, scope) {
  const w = new Writer(partials);
  sequence(w, 0, 'map', scope);
  return w.out;
}

// The recursive partial: data-bounded, through k.
function recursive() {
  const w = new Writer(['r']);
  const alone = chance(0.5);
  line(w, '#k', alone);
  if (chance(0.5))
    text(w);
  w.out += w.tag('v');
  if (alone && chance(0.5))
    w.out += '\n' + pick([' ', '  ']) + w.tag('>r') + '\n';
  else
    w.out += w.tag('>r');
  if (chance(0.5))
    text(w);
  line(w, '/k', alone);
  return w.out;
}

function kase() {
  const partials = {};
  const use = chance(0.6);
  if (use) {
    partials.p3 = template([], 'leaf');
    partials.p2 = template(['p3', 'r'], 'partial');
    partials.p1 = template(['p2', 'p3', 'r'], 'top');
    partials.r = recursive();
  }
  const t = template(use ? ['p1', 'p2', 'p3', 'r'] : [], 'top');
  return {template: t, data: data(), partials};
}

function json(v) {
  return JSON.stringify(v);
}

const lines = [];
let made = 0, tried = 0;
while (made < count && tried < count * 10) {
  tried++;
  const c = kase();
  let expected;
  try {
    // A copy: wontache compiles the partials in the object it is given.
    expected = mustache(c.template)(c.data, {partials: {...c.partials}});
  } catch (e) {
    continue; // a template the generator got wrong: not a case
  }
  if (expected.length > 2000)
    continue;
  // Only the partials the case can reach.
  const keep = {};
  const reach = (src) => {
    for (const p of ['p1', 'p2', 'p3', 'r'])
      if (c.partials[p] !== undefined && keep[p] === undefined &&
          (src.includes(p) || (p === 'p3' && src.includes('*pn')))) {
        keep[p] = c.partials[p];
        reach(c.partials[p]);
      }
  };
  reach(c.template);
  made++;
  const id = 'c' + String(made).padStart(5, '0');
  lines.push('{"id": ' + json(id) + ', "template": ' + json(c.template) +
    ', "data": ' + json(c.data) + ', "partials": ' + json(keep) +
    ', "expected": ' + json(expected) + '}');
}
process.stdout.write('{"seed": ' + seed + ', "cases": [\n' +
  lines.join(',\n') + '\n]}\n');
