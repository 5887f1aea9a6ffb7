"""Tests the stock Python template set (templates/python).

usage: check_python.py STATUSGEN REGISTRY_TSV   (from the project's root)

Generates the set for each spec of check_support.SPECS, compiles each
module (py_compile) and type-checks it (mypy --strict, when installed),
imports it and checks that every text of its spec's model (statusgen
--dump-model) comes back byte for byte through Python: the module's values
and docstrings, read at run time, the member docstrings, read by Python's
own parser, and the banner comments, decoded as a string literal; and that
names, classes and flags are there and right.

The HTTP module is held to the independent registry too: every code's
member, name, phrase and reference; the lookups by code (-1 to 1000), by
name and by reason (in every case, aliases too, no Unicode folding); the
class and flag predicates of every member. mypy then checks this program
itself, a typed user of that module.

Prints "python: N passed, N failed"; exits 1 on a failure."""

from __future__ import annotations

import ast
import enum
import importlib
import io
import os
import shutil
import sys
import tempfile
import tokenize
import typing

import check_support as cs

CODES = range(-1, 1001)  # every code from -1 to 1000 is looked up


def check_registry(t: cs.Tally, registry: cs.Registry) -> None:
    import http_status
    from http_status import HttpStatus

    known = registry.by_code()
    t.equal(len(HttpStatus), len(registry.statuses), "member count")
    names = {s.name for s in registry.statuses}
    names |= {a.name for a in registry.aliases}
    t.equal(set(HttpStatus.__members__), names, "member names")
    t.equal(set(http_status.CLASSES), set(registry.class_ids()), "classes")
    t.equal(set(http_status.FLAGS), registry.flag_ids(), "flags")
    for code in CODES:
        m = HttpStatus.from_code(code)
        if code not in known:
            t.check(m is None, f"from_code({code}) of an unknown code", m)
            continue
        s = known[code]
        if not t.check(m is not None, f"from_code({code})", m, code):
            continue
        assert m is not None
        t.check(m is HttpStatus(code), f"from_code({code}) is the member")
        t.check(isinstance(m, int) and m == code, f"{code} as int", m)
        t.equal(m.name, s.name, f"name of {code}")
        t.equal(m.phrase, s.reason, f"phrase of {code}")
        t.equal(m.reference, s.reference, f"reference of {code}")
        t.check(isinstance(m.description, str) and m.description != "",
                f"description of {code}", m.description)
        t.equal(str(m), str(code), f"str() of {code}")
        t.equal(f"{m}|{m:5d}|{m:x}", f"{code}|{code:5d}|{code:x}",
                f"format() of {code}")
        t.equal(repr(m), f"<HttpStatus.{s.name}: {code}>", f"repr of {code}")
        check_predicates(t, registry, m, s)
    check_lookups(t, registry)


def check_predicates(t: cs.Tally, registry: cs.Registry, m: enum.IntEnum,
                     s: cs.Status) -> None:
    """Classes by range: an HTTP class is the codes of one hundred."""
    import http_status

    for c in registry.class_ids():
        lo = min(x.code for x in registry.statuses if x.class_id == c)
        lo -= lo % 100
        t.equal(http_status.CLASSES[c][1:], (lo, lo + 99), f"range of {c}")
        t.equal(getattr(m, f"is_{c}"), lo <= s.code <= lo + 99,
                f"is_{c} of {s.code}")
        t.equal(getattr(m, f"is_{c}"), s.class_id == c,
                f"is_{c} of {s.code} by the registry")
    for f in sorted(registry.flag_ids()):
        t.equal(getattr(m, f"is_{f}"), f in s.flags, f"is_{f} of {s.code}")


def check_lookups(t: cs.Tally, registry: cs.Registry) -> None:
    from http_status import HttpStatus

    reasons: dict[str, int] = {}
    for code, reason, name in ([(s.code, s.reason, s.name)
                                for s in registry.statuses] +
                               [(a.code, a.reason, a.name)
                                for a in registry.aliases]):
        reasons[cs.ascii_lower(reason)] = code
        t.check(HttpStatus.from_name(name) is HttpStatus(code),
                f"from_name({name!r})", HttpStatus.from_name(name), code)
        t.check(HttpStatus.__members__.get(name) is HttpStatus(code),
                f"HttpStatus.__members__[{name!r}]")
        for bad in (name.lower(), name + " ", name[:-1], "_" + name):
            t.check(HttpStatus.from_name(bad) is None, f"from_name({bad!r})",
                    HttpStatus.from_name(bad))
    for text in reasons_and_more(registry):
        want = reasons.get(cs.ascii_lower(text))
        got = HttpStatus.from_reason(text)
        t.check(got is (None if want is None else HttpStatus(want)),
                f"from_reason({text!r})", got, want)
    for bad in ("", "404", "Not  Found", " Not Found", "Not Found\0"):
        t.check(HttpStatus.from_reason(bad) is None, f"from_reason({bad!r})",
                HttpStatus.from_reason(bad))


def reasons_and_more(registry: cs.Registry) -> list[str]:
    """Every reason, current and former, in every spelling of
    cs.case_variants, and each cut short by a letter."""
    texts = [s.reason for s in registry.statuses]
    texts += [a.reason for a in registry.aliases]
    return [v for r in texts for v in cs.case_variants(r) + [r[:-1]]]


def check_model(t: cs.Tally, g: cs.Generated) -> None:
    model = g.model
    mod = importlib.import_module(model["prefix"])
    cls = getattr(mod, model["names"]["UpperCamel"])
    title = model["title"]
    t.equal(mod.TITLE, title, "TITLE")
    t.equal(mod.SOURCE, model["source"], "SOURCE")
    doc = mod.__doc__ or ""
    t.check(doc.startswith(title + ".\n\n"), "module docstring",
            doc[:len(title) + 2], title + ".\n\n")
    t.equal(cls.__doc__, f"{title}: each member is its code.",
            "class docstring")
    t.equal(dict(mod.CLASSES), {c["id"]: (c["title"], c["lo"], c["hi"])
                                for c in model["classes"]}, "CLASSES")
    t.equal(dict(mod.FLAGS), {f["id"]: f["meaning"] for f in model["flags"]},
            "FLAGS")
    t.equal(len(cls), model["count"], "member count")
    reasons = {cs.ascii_lower(r): s["code"] for s in model["statuses"]
               for r in [s["reason"]] + [a["reason"] for a in s["aliases"]]}
    names = set()
    for s in model["statuses"]:
        check_status(t, cls, model, s, reasons)
        names.add(s["name"])
        names |= {a["name"] for a in s["aliases"]}
    t.equal(set(cls.__members__), names, "member names")
    codes = {s["code"] for s in model["statuses"]}
    t.equal({c for c in CODES if cls.from_code(c) is not None},
            codes & set(CODES), "the codes from_code knows")
    check_docstrings(t, cls, model)
    check_source(t, g.path, model)


def check_status(t: cs.Tally, cls: typing.Any, model: dict[str, typing.Any],
                 s: dict[str, typing.Any], reasons: dict[str, int]) -> None:
    """One status of the model; reasons maps every reason of the model,
    ASCII lower-cased, to its code."""
    code = s["code"]
    m = cls.from_code(code)
    if not t.check(m is not None and m == code, f"from_code({code})", m):
        return
    t.equal(m.name, s["name"], f"name of {code}")
    t.equal(m.phrase, s["reason"], f"phrase of {code}")
    t.equal(m.description, s["description"], f"description of {code}")
    t.equal(m.reference, s["reference"], f"reference of {code}")
    every = [s["reason"]] + [a["reason"] for a in s["aliases"]]
    for reason in every:
        for text in cs.case_variants(reason):
            want = reasons.get(cs.ascii_lower(text))
            got = cls.from_reason(text)
            t.check(got is (None if want is None else cls(want)),
                    f"from_reason({text!r})", got, want)
    for a in s["aliases"]:
        t.check(cls.from_name(a["name"]) is m, f"from_name({a['name']!r})")
    for c in model["classes"]:
        is_c = f"is_{c['names']['lower_snake']}"
        want = s["class"] is not None and s["class"]["id"] == c["id"]
        t.equal(getattr(m, is_c), want, f"{is_c} of {code}")
    for f in model["flags"]:
        is_f = f"is_{f['names']['lower_snake']}"
        t.equal(getattr(m, is_f), s["flags"][f["id"]], f"{is_f} of {code}")


def check_docstrings(t: cs.Tally, cls: typing.Any,
                     model: dict[str, typing.Any]) -> None:
    """The docstrings of the properties and lookups that quote the model."""
    first = model["statuses"][0]
    t.equal(cls.phrase.__doc__,
            f"The reason phrase (\"{first['reason']}\" for {first['code']}).",
            "phrase docstring")
    t.check(f"\"{first['reason']}\" may be given" in cls.from_reason.__doc__,
            "from_reason docstring", cls.from_reason.__doc__, first["reason"])
    for c in model["classes"]:
        is_c = f"is_{c['names']['lower_snake']}"
        t.equal(getattr(cls, is_c).__doc__,
                f"Whether the code is one of {c['lo']} to {c['hi']}: "
                f"{c['title']}.", f"{is_c} docstring")
    for f in model["flags"]:
        is_f = f"is_{f['names']['lower_snake']}"
        t.equal(getattr(cls, is_f).__doc__,
                f"Whether the status is flagged {f['id']}: {f['meaning']}.",
                f"{is_f} docstring")


def check_source(t: cs.Tally, path: str, model: dict[str, typing.Any]
                 ) -> None:
    """What run time does not keep: the docstring under each member, read
    by Python's parser, and the banner comments, their text decoded as the
    inside of a string literal (the escaper promises both the same)."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    docs: dict[str, str] = {}
    tree = ast.parse(source)
    body = next(n.body for n in tree.body if isinstance(n, ast.ClassDef))
    for node, after in zip(body, body[1:]):
        if (isinstance(node, ast.Assign) and isinstance(after, ast.Expr)
                and isinstance(after.value, ast.Constant)):
            target = node.targets[0]
            assert isinstance(target, ast.Name)
            docs[target.id] = after.value.value
    for s in model["statuses"]:
        t.equal(docs.get(s["name"]), f"{s['reason']}: {s['description']}",
                f"docstring of {s['name']}")
        for a in s["aliases"]:
            t.equal(docs.get(a["name"]),
                    f"The former name of {s['code']} (\"{a['reason']}\").",
                    f"docstring of {a['name']}")
    comments = [tok.string for tok in
                tokenize.generate_tokens(io.StringIO(source).readline)
                if tok.type == tokenize.COMMENT]
    banner = [f"# {model['title']}: {model['count']} statuses, as a Python "
              "IntEnum.", "#",
              f"# Generated by statusgen from {model['spec_file']}.",
              "# Do not edit: edit the spec and run statusgen again.",
              f"# Source: {model['source']}"]
    decoded = [ast.literal_eval('"' + c + '"') for c in comments[:5]]
    t.equal(decoded, banner, "banner comments")


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        sys.exit("usage: check_python.py STATUSGEN REGISTRY_TSV")
    t = cs.Tally("python")
    mypy = shutil.which("mypy")
    if mypy is None:
        print("python: type checks skipped, no mypy")
    with tempfile.TemporaryDirectory() as scratch:
        cache = ["--cache-dir", os.path.join(scratch, "mypy-cache")]
        http = None
        for g in cs.generate(t, argv[1], "templates/python", scratch):
            if not t.step(f"py_compile {g.spec}",
                          [sys.executable, "-m", "py_compile", g.path]):
                continue
            if mypy is not None:
                t.step(f"mypy --strict {g.spec}",
                       [mypy, "--strict", *cache, g.path])
            sys.path.insert(0, os.path.dirname(g.path))
            t.guard(f"{g.spec} through Python",
                    lambda: check_model(t, g))
            if g.model["prefix"] == "http_status":
                http = os.path.dirname(g.path)
        if t.check(http is not None, "the HTTP module"):
            t.guard("the HTTP module against the registry",
                    lambda: check_registry(t, cs.read_registry(argv[2])))
        if mypy is not None and http is not None:
            env = dict(os.environ, MYPYPATH=http)
            t.step("mypy --strict check_python.py",
                   [mypy, "--strict", *cache, __file__], env)
    return t.finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
