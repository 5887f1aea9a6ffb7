// Holds a module generated from the stock TypeScript and JavaScript set
// (the .mjs as generated, or the .ts compiled by tsc) to an expectation
// that does not come from it:
//
//   node check_typescript.mjs registry MODULE REGISTRY_TSV
//     the HTTP module against the independent registry table: every
//     code's reason, name and reference, the lookups from every name and
//     reason (former ones and case variants included), codes -1 to 1000
//     that are not in the registry unknown, the class predicates by the
//     registry's ranges, the flag predicates;
//   node check_typescript.mjs model MODULE DUMP_JSON
//     any spec's module against statusgen --dump-model of that spec:
//     every text (title, source, reasons, descriptions, references,
//     former reasons, class titles, flag meanings) read through the module
//     equal to the spec's, code unit for code unit, and the module's
//     exports exactly the set's API.
//
// Prints each failure, then "MODE: N passed, N failed"; exits 1 on any
// failure.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [mode, modulePath, dataPath] = process.argv.slice(2);
if (!["registry", "model"].includes(mode) || !modulePath || !dataPath) {
  console.error("usage: check_typescript.mjs registry|model MODULE DATA");
  process.exit(2);
}
const m = await import(pathToFileURL(modulePath).href);
let passed = 0;
let failed = 0;

function show(v) {
  return v === undefined ? "undefined" : JSON.stringify(v);
}

function same(what, got, want) {
  if (Object.is(got, want)) {
    passed++;
  } else {
    failed++;
    console.error(`${mode}: ${what}: got ${show(got)}, want ${show(want)}`);
  }
}

function sameList(what, got, want) {
  same(what, show(Array.isArray(got) ? [...got] : got), show(want));
}

// "client_error" -> "ClientError", as the model names flags and classes.
function upperCamel(id) {
  return id
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

function asciiCase(s, upper) {
  return s.replace(upper ? /[a-z]/g : /[A-Z]/g, (c) =>
    upper ? c.toUpperCase() : c.toLowerCase());
}

// The spellings a reason must be found by: ASCII letters in either case.
function caseVariants(s) {
  const swapped = s.replace(/[A-Za-z]/g, (c) =>
    c >= "a" ? c.toUpperCase() : c.toLowerCase());
  return [s, asciiCase(s, true), asciiCase(s, false), swapped];
}

// A reason with its other letters in upper case too: found by nothing.
function checkOtherCase(s) {
  const other = s.toUpperCase();
  if (other !== asciiCase(s, true))
    same(`fromReason(${show(other)})`, m.fromReason(other), undefined);
}

function predicate(id) {
  const f = m[`is${upperCamel(id)}`];
  if (typeof f !== "function") {
    failed++;
    console.error(`${mode}: no function is${upperCamel(id)}`);
    return () => undefined;
  }
  return f;
}

// Inputs no spec of the tests names: must find nothing, whatever the
// module keeps its tables in.
function lookupsMiss() {
  const strangers = [
    "", " ", "constructor", "__proto__", "toString", "hasOwnProperty",
    "valueOf", "CONSTRUCTOR", "0", "404", "undefined", "null",
  ];
  for (const s of strangers) {
    same(`fromName(${show(s)})`, m.fromName(s), undefined);
    same(`fromReason(${show(s)})`, m.fromReason(s), undefined);
  }
}

function checkRegistry(objectName, tsvPath) {
  const object = m[objectName];
  const statuses = [];
  const aliases = [];
  for (const line of readFileSync(tsvPath, "utf8").split("\n")) {
    if (line === "") continue;
    const f = line.split("\t");
    if (f[0] === "status") {
      statuses.push({
        code: Number(f[1]), reason: f[2], name: f[3], cls: f[4],
        flags: f[5] === "-" ? [] : f[5].split(","),
        reference: f[6] === "-" ? undefined : f[6],
      });
    } else if (f[0] === "alias") {
      aliases.push({ code: Number(f[1]), reason: f[2], name: f[3] });
    } else {
      throw new Error(`${tsvPath}: unknown line: ${line}`);
    }
  }
  if (statuses.length < 60) throw new Error(`${tsvPath}: too few statuses`);
  const known = new Map(statuses.map((s) => [s.code, s]));
  const flagIds = [...new Set(statuses.flatMap((s) => s.flags))].sort();
  // HTTP's classes are its hundreds: the registry's class of each hundred.
  const classOfHundred = new Map();
  for (const s of statuses) {
    const h = Math.floor(s.code / 100);
    same(`registry: one class for ${h}xx`, classOfHundred.get(h) ?? s.cls, s.cls);
    classOfHundred.set(h, s.cls);
  }
  const classIds = [...new Set(classOfHundred.values())];

  sameList("codes", m.codes, statuses.map((s) => s.code).sort((a, b) => a - b));
  sameList(`keys of ${objectName}`, Object.keys(object).sort(),
    [...statuses, ...aliases].map((s) => s.name).sort());
  same(`${objectName} is frozen`, Object.isFrozen(object), true);
  same("codes is frozen", Object.isFrozen(m.codes), true);

  for (const s of statuses) {
    const c = s.code;
    same(`isKnown(${c})`, m.isKnown(c), true);
    same(`reason(${c})`, m.reason(c), s.reason);
    same(`name(${c})`, m.name(c), s.name);
    same(`reference(${c})`, m.reference(c), s.reference);
    same(`typeof description(${c})`, typeof m.description(c), "string");
    same(`description(${c}) is not empty`, m.description(c) !== "", true);
    same(`${objectName}.${s.name}`, object[s.name], c);
    same(`fromName(${show(s.name)})`, m.fromName(s.name), c);
    same(`fromName(${show(s.name.toLowerCase())})`,
      m.fromName(s.name.toLowerCase()), undefined);
    for (const v of caseVariants(s.reason))
      same(`fromReason(${show(v)})`, m.fromReason(v), c);
    same(`fromReason(${show(` ${s.reason}`)})`, m.fromReason(` ${s.reason}`), undefined);
    same(`fromReason(${show(`${s.reason}.`)})`, m.fromReason(`${s.reason}.`), undefined);
    sameList(`aliases(${c})`, m.aliases(c),
      aliases.filter((a) => a.code === c).map((a) => a.reason));
    for (const f of flagIds) {
      same(`hasFlag(${c}, ${show(f)})`, m.hasFlag(c, f), s.flags.includes(f));
      same(`is${upperCamel(f)}(${c})`, predicate(f)(c), s.flags.includes(f));
    }
  }
  for (const a of aliases) {
    same(`${objectName}.${a.name}`, object[a.name], a.code);
    same(`fromName(${show(a.name)})`, m.fromName(a.name), a.code);
    for (const v of caseVariants(a.reason))
      same(`fromReason(${show(v)})`, m.fromReason(v), a.code);
    same(`reason(${a.code}) is not the former ${show(a.reason)}`,
      m.reason(a.code) !== a.reason, true);
  }
  // Only ASCII letters fold: the Kelvin sign lower-cases to "k" in
  // Unicode, but "O\u212A" is not "OK".
  for (const s of statuses.filter((x) => /k/i.test(x.reason)))
    same(`fromReason(${show(s.reason.replace(/k/gi, "\u212A"))})`,
      m.fromReason(s.reason.replace(/k/gi, "\u212A")), undefined);
  lookupsMiss();

  for (let c = -1; c <= 1000; c++) {
    const h = Math.floor(c / 100);
    const cls = c >= 0 ? classOfHundred.get(h) : undefined;
    same(`classOf(${c})`, m.classOf(c), cls);
    for (const k of classIds)
      same(`is${upperCamel(k)}(${c})`, predicate(k)(c), cls === k);
    if (known.has(c)) continue;
    same(`isKnown(${c})`, m.isKnown(c), false);
    same(`reason(${c})`, m.reason(c), undefined);
    same(`name(${c})`, m.name(c), undefined);
    same(`description(${c})`, m.description(c), undefined);
    same(`reference(${c})`, m.reference(c), undefined);
    sameList(`aliases(${c})`, m.aliases(c), []);
    for (const f of flagIds) {
      same(`hasFlag(${c}, ${show(f)})`, m.hasFlag(c, f), false);
      same(`is${upperCamel(f)}(${c})`, predicate(f)(c), false);
    }
  }
  for (const c of [404.5, NaN, Infinity, -Infinity, 2 ** 53])
    same(`isKnown(${c})`, m.isKnown(c), false);
}

function checkModel(dumpPath) {
  const model = JSON.parse(readFileSync(dumpPath, "utf8"));
  const objectName = model.names.UpperCamel;
  const object = m[objectName];
  const classes = model.classes ?? [];
  const flags = model.flags ?? [];

  same("title", m.title, model.title);
  same("source", m.source, model.source);
  sameList("codes", m.codes, model.statuses.map((s) => s.code));
  sameList("exports", Object.keys(m).sort(), [
    "aliases", "classOf", "classTitle", "codes", "description", "flagMeaning",
    "fromName", "fromReason", "hasFlag", "isKnown", "name", "reason",
    "reference", "source", "title", objectName,
    ...classes.map((k) => `is${k.names.UpperCamel}`),
    ...flags.map((f) => `is${f.names.UpperCamel}`),
  ].sort());
  sameList(`keys of ${objectName}`, Object.keys(object),
    model.statuses.flatMap((s) => [s.name, ...s.aliases.map((a) => a.name)]));

  for (const s of model.statuses) {
    const c = s.code;
    same(`reason(${c})`, m.reason(c), s.reason);
    same(`name(${c})`, m.name(c), s.name);
    same(`description(${c})`, m.description(c), s.description);
    same(`reference(${c})`, m.reference(c), s.reference ?? undefined);
    sameList(`aliases(${c})`, m.aliases(c), s.aliases.map((a) => a.reason));
    same(`classOf(${c})`, m.classOf(c), s.class ? s.class.id : undefined);
    same(`fromName(${show(s.name)})`, m.fromName(s.name), c);
    for (const v of caseVariants(s.reason))
      same(`fromReason(${show(v)})`, m.fromReason(v), c);
    checkOtherCase(s.reason);
    for (const a of s.aliases) {
      same(`${objectName}.${a.name}`, object[a.name], c);
      same(`fromName(${show(a.name)})`, m.fromName(a.name), c);
      for (const v of caseVariants(a.reason))
        same(`fromReason(${show(v)})`, m.fromReason(v), c);
      checkOtherCase(a.reason);
    }
    for (const f of flags) {
      same(`hasFlag(${c}, ${show(f.id)})`, m.hasFlag(c, f.id), s.flags[f.id]);
      same(`is${f.names.UpperCamel}(${c})`, predicate(f.id)(c), s.flags[f.id]);
    }
  }
  for (const k of classes) {
    same(`classTitle(${show(k.id)})`, m.classTitle(k.id), k.title);
    const is = predicate(k.id);
    for (const c of [k.lo - 1, k.lo, k.hi, k.hi + 1])
      same(`is${k.names.UpperCamel}(${c})`, is(c), c >= k.lo && c <= k.hi);
  }
  for (const f of flags)
    same(`flagMeaning(${show(f.id)})`, m.flagMeaning(f.id), f.meaning);
  same("classTitle(undefined)", m.classTitle(undefined), undefined);
  same("flagMeaning(undefined)", m.flagMeaning(undefined), undefined);
  lookupsMiss();
}

if (mode === "registry") checkRegistry("HttpStatus", dataPath);
else checkModel(dataPath);
if (failed > 0) console.error(`${mode}: ${modulePath}: ${failed} checks failed`);
console.log(`${mode}: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
