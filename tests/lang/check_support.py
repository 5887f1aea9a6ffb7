"""What the Python checkers of the stock template sets share: the specs
each set is generated for, a tally of checks and of the commands run, the
independent HTTP registry (the tab-separated lines build/registry.tsv holds,
written from tests/support/http_registry.c), ASCII case folding done by
hand, and a strict JSON reader (for the model statusgen dumps with
--dump-model, and for generated JSON)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
import typing

# Each set is generated for the specs of tests/lang/specs.txt, run from
# the project's root.
with open("tests/lang/specs.txt", encoding="utf-8") as _list:
    SPECS = tuple(line.strip() for line in _list
                  if line.strip() and not line.startswith("#"))


class Status(typing.NamedTuple):
    """One status line of the registry."""

    code: int
    reason: str
    name: str
    class_id: str
    flags: frozenset[str]
    reference: str | None


class Alias(typing.NamedTuple):
    """One alias line of the registry: a former reason and name of code."""

    code: int
    reason: str
    name: str


class Registry(typing.NamedTuple):
    """The registry: statuses in code order, then aliases."""

    statuses: list[Status]
    aliases: list[Alias]

    def by_code(self) -> dict[int, Status]:
        return {s.code: s for s in self.statuses}

    def class_ids(self) -> list[str]:
        """The class ids in the order their codes first come."""
        return list(dict.fromkeys(s.class_id for s in self.statuses))

    def flag_ids(self) -> set[str]:
        return {f for s in self.statuses for f in s.flags}


def read_registry(path: str) -> Registry:
    """The registry of the file at path; exits on a malformed line."""
    statuses: list[Status] = []
    aliases: list[Alias] = []
    with open(path, encoding="utf-8", newline="\n") as f:
        for number, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "status" and len(fields) == 7:
                flags = frozenset() if fields[5] == "-" else fields[5].split(",")
                reference = None if fields[6] == "-" else fields[6]
                statuses.append(
                    Status(int(fields[1]), fields[2], fields[3], fields[4],
                           frozenset(flags), reference))
            elif fields[0] == "alias" and len(fields) == 4:
                aliases.append(Alias(int(fields[1]), fields[2], fields[3]))
            else:
                sys.exit(f"{path}:{number}: not a registry line")
    if not statuses:
        sys.exit(f"{path}: no statuses")
    return Registry(statuses, aliases)


# Only A to Z: the generated lookups promise no other folding.
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                       "abcdefghijklmnopqrstuvwxyz")
_SWAP = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def ascii_lower(s: str) -> str:
    return s.translate(_LOWER)


def case_variants(reason: str) -> list[str]:
    """Spellings of reason to look up: ASCII case changed (each must find
    it) and Unicode case changed (each must find it exactly when it folds
    to the same ASCII-lowered text), plus look-alikes that Unicode maps
    to ASCII letters (KELVIN SIGN to k, LONG S to S), which must not."""
    return [reason, reason.translate(_SWAP), ascii_lower(reason),
            reason.upper(), reason.lower(), reason.swapcase(),
            reason.casefold(), reason.replace("k", "\u212a"),
            reason.replace("K", "\u212a"), reason.replace("s", "\u017f"),
            reason.replace("S", "\u017f")]


class Tally:
    """Counts checks; keeps the first failures to print."""

    SHOWN = 20  # failures printed in full; the count says the rest

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.passed = 0
        self.failed = 0

    def check(self, ok: bool, what: str, got: object = None,
              expected: object = None) -> bool:
        if ok:
            self.passed += 1
            return True
        self.failed += 1
        if self.failed <= self.SHOWN:
            print(f"{self.lang}: FAILED {what}: got {got!r}, "
                  f"expected {expected!r}")
        return False

    def equal(self, got: object, expected: object, what: str) -> bool:
        # type() too: True == 1, and 1 == 1.0, would pass for each other
        if got == expected and type(got) is type(expected):
            return self.check(True, what)
        # only the difference of sets and mappings: the whole would hide it
        if isinstance(got, set) and isinstance(expected, set):
            got, expected = got - expected, expected - got
        elif isinstance(got, dict) and isinstance(expected, dict):
            keys = [k for k in {**got, **expected}
                    if k not in got or k not in expected
                    or got[k] != expected[k]]
            got = {k: got.get(k, "(none)") for k in keys}
            expected = {k: expected.get(k, "(none)") for k in keys}
        return self.check(False, what, got, expected)

    def fail(self, what: str, detail: str) -> None:
        """Counts a failure and prints detail, a command's output or a
        traceback, indented and cut short."""
        self.failed += 1
        print(f"{self.lang}: FAILED {what}:")
        for line in detail.splitlines()[:self.SHOWN * 2]:
            print(f"  | {line}")

    def step(self, what: str, argv: list[str],
             env: dict[str, str] | None = None) -> bool:
        """Runs argv: one check, that it exits 0."""
        r = subprocess.run(argv, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, env=env)
        if r.returncode == 0:
            return self.check(True, what)
        self.fail(what, r.stdout.decode("utf-8", "replace"))
        return False

    def guard(self, what: str, checks: typing.Callable[[], None]) -> None:
        """Runs checks; an exception out of them is one more failure."""
        try:
            checks()
        except Exception:
            self.fail(f"{what} raised", traceback.format_exc())

    def finish(self) -> int:
        print(f"{self.lang}: {self.passed} passed, {self.failed} failed")
        return 1 if self.failed or not self.passed else 0


class Generated(typing.NamedTuple):
    """A set generated for one spec: the spec, its one output's path and
    the spec's model as statusgen dumps it."""

    spec: str
    path: str
    model: dict[str, typing.Any]


def generate(t: Tally, statusgen: str, templates: str,
             scratch: str) -> list[Generated]:
    """Generates the set in templates for each of SPECS, each in its own
    folder under scratch; the failures are counted in t."""
    done = []
    for spec in SPECS:
        out = os.path.join(scratch, os.path.basename(spec)[:-len(".yaml")])
        os.mkdir(out)
        if not t.step(f"generate {spec}",
                      [statusgen, "-q", "-t", templates, "-o", out, spec]):
            continue
        files = os.listdir(out)
        if not t.check(len(files) == 1, f"one output for {spec}", files):
            continue
        dump = subprocess.run([statusgen, "--dump-model", spec], check=True,
                              stdout=subprocess.PIPE).stdout
        model = parse_json(dump.decode("utf-8"))
        done.append(Generated(spec, os.path.join(out, files[0]), model))
    return done


def read_json(path: str) -> dict[str, typing.Any]:
    """The JSON object in the file at path, as parse_json parses it."""
    with open(path, encoding="utf-8") as f:
        return parse_json(f.read())


def parse_json(text: str) -> dict[str, typing.Any]:
    """The JSON object text holds, parsed strictly: a key twice in one
    object, NaN or Infinity, or a raw control character in a string raises
    ValueError, as RFC 8259 would have it."""

    def pairs(items: list[tuple[str, typing.Any]]) -> dict[str, typing.Any]:
        seen: dict[str, typing.Any] = {}
        for key, value in items:
            if key in seen:
                raise ValueError(f"key {key!r} twice in one object")
            seen[key] = value
        return seen

    def constant(word: str) -> typing.NoReturn:
        raise ValueError(f"{word} is not JSON")

    data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    if not isinstance(data, dict):
        raise ValueError("not a JSON object")
    return data
