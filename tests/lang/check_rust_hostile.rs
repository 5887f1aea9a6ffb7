// check_rust_hostile: reads every text of tests/specs/hostile.yaml back
// through the Rust module generated from it (hostile.rs, beside this file
// when compiled) and compares it byte for byte with the text the spec
// holds. The first argument is a file written from statusgen's
// --dump-model by tests/lang/rust.sh, one text a line, every field in hex:
//   title TEXT | source TEXT | class LO ID TITLE | flag ID MEANING
//   status CODE NAME REASON DESCRIPTION REFERENCE (- when none)
//   alias CODE NAME REASON
// Prints "rust hostile: N passed, N failed" and exits 1 on failure.

mod hostile;

use hostile::{Class, Flag, Hostile};

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    fn same(&mut self, what: &str, got: Option<&str>, want: &[u8]) {
        if got.map(str::as_bytes) == Some(want) {
            self.passed += 1;
        } else {
            self.failed += 1;
            println!(
                "rust hostile: FAILED {}: got {:?}, want {:?}",
                what,
                got,
                String::from_utf8_lossy(want)
            );
        }
    }

    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            println!("rust hostile: FAILED {}", what());
        }
    }
}

fn unhex(field: &str) -> Vec<u8> {
    let digit = |c: u8| match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => panic!("not hex: {:?}", field),
    };
    field
        .as_bytes()
        .chunks(2)
        .map(|p| digit(p[0]) << 4 | digit(p[1]))
        .collect()
}

fn unhex_str(field: &str) -> String {
    String::from_utf8(unhex(field)).expect("UTF-8 text")
}

fn check_status(t: &mut Tally, f: &[&str]) {
    let code: u32 = f[1].parse().expect("a code");
    let status = match Hostile::from_code(code) {
        Some(status) => status,
        None => return t.check(false, || format!("{}: unknown", code)),
    };
    let name = unhex_str(f[2]);
    t.same(
        &format!("{} name", code),
        Some(status.name()),
        name.as_bytes(),
    );
    t.same(
        &format!("{} reason", code),
        Some(status.reason()),
        &unhex(f[3]),
    );
    t.same(
        &format!("{} description", code),
        Some(status.description()),
        &unhex(f[4]),
    );
    match f[5] {
        "-" => t.check(status.reference().is_none(), || {
            format!("{}: a reference", code)
        }),
        r => t.same(
            &format!("{} reference", code),
            status.reference(),
            &unhex(r),
        ),
    }
    t.check(Hostile::from_name(&name) == Some(status), || {
        format!("{}: from_name", code)
    });
    let reason = unhex_str(f[3]);
    t.check(Hostile::from_reason(&reason) == Some(status), || {
        format!("{}: from_reason({:?})", code, reason)
    });
}

fn check_alias(t: &mut Tally, f: &[&str], index: &mut (u32, usize)) {
    let code: u32 = f[1].parse().expect("a code");
    // Aliases come in the spec's order, so the nth of a code is its nth
    // former reason.
    *index = if index.0 == code {
        (code, index.1 + 1)
    } else {
        (code, 0)
    };
    let status = Hostile::from_code(code);
    let former = status.map(|s| s.former_reasons().get(index.1).copied());
    t.same(
        &format!("{} alias {}", code, index.1),
        former.flatten(),
        &unhex(f[3]),
    );
    let name = unhex_str(f[2]);
    t.check(Hostile::from_name(&name) == status, || {
        format!("{}: from_name({})", code, name)
    });
    let reason = unhex_str(f[3]);
    t.check(Hostile::from_reason(&reason) == status, || {
        format!("{}: from_reason({:?})", code, reason)
    });
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: check_rust_hostile TEXTS");
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {}", path, e));
    let mut t = Tally::default();
    let (mut statuses, mut classes, mut flags) = (0, 0, 0);
    let mut index = (u32::MAX, 0);

    for line in text.lines() {
        let f: Vec<&str> = line.split(' ').collect();
        match (f[0], f.len()) {
            ("title", 2) => t.same("title", Some(hostile::TITLE), &unhex(f[1])),
            ("source", 2) => t.same("source", Some(hostile::SOURCE), &unhex(f[1])),
            ("class", 4) => {
                classes += 1;
                let class = Class::of(f[1].parse().expect("a code"));
                t.same(
                    &format!("class {} id", f[1]),
                    class.map(Class::id),
                    &unhex(f[2]),
                );
                t.same(
                    &format!("class {} title", f[1]),
                    class.map(Class::title),
                    &unhex(f[3]),
                );
            }
            ("flag", 3) => {
                flags += 1;
                let id = unhex_str(f[1]);
                let flag = Flag::ALL.iter().find(|flag| flag.id() == id);
                t.same(
                    &format!("flag {} meaning", id),
                    flag.map(|f| f.meaning()),
                    &unhex(f[2]),
                );
            }
            ("status", 6) => {
                statuses += 1;
                check_status(&mut t, &f);
            }
            ("alias", 4) => check_alias(&mut t, &f, &mut index),
            _ => panic!("{}: a line of no kind: {:?}", path, line),
        }
    }
    t.check(Hostile::ALL.len() == statuses, || {
        format!("{} statuses", Hostile::ALL.len())
    });
    t.check(Class::ALL.len() == classes, || {
        format!("{} classes", Class::ALL.len())
    });
    t.check(Flag::ALL.len() == flags, || {
        format!("{} flags", Flag::ALL.len())
    });

    println!("rust hostile: {} passed, {} failed", t.passed, t.failed);
    std::process::exit(if t.failed == 0 { 0 } else { 1 });
}
