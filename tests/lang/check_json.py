"""Tests the stock JSON template set (templates/json).

usage: check_json.py STATUSGEN REGISTRY_TSV   (from the project's root)

Generates the set for each spec of check_support.SPECS and reads each file
strictly (RFC 8259: no key twice in an object, no NaN, no raw control
character), checks that it leaves nothing raw that would break a page or a
script around it (<, >, &, U+2028, U+2029, bidirectional controls), and
holds it to its spec's model (statusgen --dump-model) field by field:
every text byte for byte, every name, code, range and list.

The HTTP file is held to the independent registry too: every status's
code, name, reason, reference, class and flags, the aliases, each class's
range (the codes of one hundred) and codes, each flag's codes.

Prints "json: N passed, N failed"; exits 1 on a failure."""

from __future__ import annotations

import sys
import tempfile
import typing

import check_support as cs

Object = typing.Dict[str, typing.Any]

# What the JSON escaper must never leave raw: markup (the file may be
# pasted into HTML), JavaScript's line terminators and the bidirectional
# and invisible controls.
UNSAFE = "<>&\u2028\u2029\u200e\u200f\u061c" + "".join(
    map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]))


def check_raw(t: cs.Tally, path: str) -> None:
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for c in UNSAFE:
        t.check(c not in text, f"raw U+{ord(c):04X} in {path}", text.count(c),
                0)


def check_registry(t: cs.Tally, data: Object, registry: cs.Registry) -> None:
    statuses = {s["code"]: s for s in data["statuses"]}
    t.equal(len(data["statuses"]), len(registry.statuses), "status count")
    t.equal(data["count"], len(registry.statuses), "count")
    t.equal(data["unknown"], -1, "unknown")
    t.equal(set(statuses), set(registry.by_code()), "codes")
    t.equal([s["code"] for s in data["statuses"]],
            sorted(s["code"] for s in data["statuses"]), "codes in order")
    for r in registry.statuses:
        s = statuses.get(r.code)
        if not t.check(s is not None, f"status {r.code}"):
            continue
        assert s is not None
        t.equal(s["name"], r.name, f"name of {r.code}")
        t.equal(s["names"]["UPPER_SNAKE"], r.name, f"UPPER_SNAKE of {r.code}")
        t.equal(s["reason"], r.reason, f"reason of {r.code}")
        t.equal(s["reference"], r.reference, f"reference of {r.code}")
        t.equal(s["class"], r.class_id, f"class of {r.code}")
        t.equal(set(s["flags"]), set(r.flags), f"flags of {r.code}")
        t.equal(len(s["flags"]), len(r.flags), f"flags of {r.code} once")
        t.check(isinstance(s["description"], str) and s["description"] != "",
                f"description of {r.code}", s["description"])
        aliases = [(a["name"], a["reason"]) for a in s["aliases"]]
        t.equal(aliases, [(a.name, a.reason) for a in registry.aliases
                          if a.code == r.code], f"aliases of {r.code}")
    classes = {c["id"]: c for c in data["classes"]}
    t.equal(list(classes), registry.class_ids(), "class ids")
    for cid in registry.class_ids():
        codes = [s.code for s in registry.statuses if s.class_id == cid]
        lo = codes[0] - codes[0] % 100
        t.equal(classes[cid]["range"], [lo, lo + 99], f"range of {cid}")
        t.equal(classes[cid]["codes"], codes, f"codes of {cid}")
    flags = {f["id"]: f for f in data["flags"]}
    t.equal(set(flags), registry.flag_ids(), "flag ids")
    for fid in sorted(registry.flag_ids()):
        t.equal(flags[fid]["codes"], [s.code for s in registry.statuses
                                      if fid in s.flags], f"codes of {fid}")


def check_model(t: cs.Tally, data: Object, model: Object) -> None:
    t.equal(data["generator"], "statusgen", "generator")
    t.equal(data["generated_from"], model["spec_file"], "generated_from")
    for key, want in (("name", model["prefix"]), ("names", model["names"]),
                      ("title", model["title"]), ("source", model["source"]),
                      ("count", model["count"]),
                      ("unknown", model["unknown"])):
        t.equal(data[key], want, key)
    t.equal([c["id"] for c in data["classes"]],
            [c["id"] for c in model["classes"]], "class ids")
    for got, c in zip(data["classes"], model["classes"]):
        t.equal(got, {"id": c["id"], "names": c["names"], "title": c["title"],
                      "range": [c["lo"], c["hi"]],
                      "codes": [s["code"] for s in c["statuses"]]},
                f"class {c['id']}")
    t.equal([f["id"] for f in data["flags"]],
            [f["id"] for f in model["flags"]], "flag ids")
    for got, f in zip(data["flags"], model["flags"]):
        t.equal(got, {"id": f["id"], "names": f["names"],
                      "meaning": f["meaning"],
                      "codes": [s["code"] for s in f["statuses"]]},
                f"flag {f['id']}")
    t.equal([s["code"] for s in data["statuses"]],
            [s["code"] for s in model["statuses"]], "codes")
    for got, s in zip(data["statuses"], model["statuses"]):
        t.equal(got, expected_status(s), f"status {s['code']}")


def expected_status(s: Object) -> Object:
    """A status of the model as the JSON file has it."""
    return {"code": s["code"], "name": s["name"], "names": s["names"],
            "reason": s["reason"], "description": s["description"],
            "reference": s["reference"],
            "class": s["class"]["id"] if s["class"] else None,
            "flags": [f["id"] for f in s["flag_list"]],
            "aliases": [{"name": a["name"], "names": a["names"],
                         "reason": a["reason"]} for a in s["aliases"]]}


def check_file(t: cs.Tally, g: cs.Generated, registry: str) -> None:
    try:
        data = cs.read_json(g.path)
    except ValueError as e:
        t.check(False, f"{g.spec} gives JSON", str(e))
        return
    check_raw(t, g.path)
    check_model(t, data, g.model)
    if g.model["prefix"] == "http_status":
        check_registry(t, data, cs.read_registry(registry))


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.exit("usage: check_json.py STATUSGEN REGISTRY_TSV")
    t = cs.Tally("json")
    with tempfile.TemporaryDirectory() as scratch:
        done = cs.generate(t, argv[1], "templates/json", scratch)
        for g in done:
            t.guard(f"{g.spec} as JSON", lambda: check_file(t, g, argv[2]))
        t.check(any(g.model["prefix"] == "http_status" for g in done),
                "the HTTP file")
    return t.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
