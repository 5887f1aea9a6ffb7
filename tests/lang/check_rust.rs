// check_rust: holds the Rust module generated from spec/http_status.yaml
// (http_status.rs, beside this file when compiled) to the independent
// registry table given as the first argument (see tests/registry_tsv.c):
// every code's reason, name and reference, the lookups from names and
// reasons (former ones and other cases too), unknown codes, the class
// predicates by range and the flag predicates. Prints "rust http: N passed,
// N failed" and exits 1 on failure.

mod http_status;

use http_status::{Class, Flag, HttpStatus, UnknownCode};
use std::collections::BTreeMap;

struct Row {
    code: u32,
    reason: String,
    name: String,
    class: String,
    flags: Vec<String>,
    reference: Option<String>,
}

struct AliasRow {
    code: u32,
    reason: String,
    name: String,
}

#[derive(Default)]
struct Tally {
    passed: usize,
    failed: usize,
}

impl Tally {
    fn check(&mut self, ok: bool, what: impl FnOnce() -> String) {
        if ok {
            self.passed += 1;
        } else {
            self.failed += 1;
            if self.failed <= 30 {
                println!("rust http: FAILED {}", what());
            }
        }
    }
}

// The class predicates by the ids the registry gives, and the flag
// predicates by theirs: written out, as a caller would.
const CLASS_PREDICATES: [(&str, fn(HttpStatus) -> bool); 5] = [
    ("informational", HttpStatus::is_informational),
    ("success", HttpStatus::is_success),
    ("redirection", HttpStatus::is_redirection),
    ("client_error", HttpStatus::is_client_error),
    ("server_error", HttpStatus::is_server_error),
];

const FLAG_PREDICATES: [(&str, Flag, fn(HttpStatus) -> bool); 5] = [
    ("cacheable", Flag::Cacheable, HttpStatus::is_cacheable),
    ("empty", Flag::Empty, HttpStatus::is_empty),
    ("retryable", Flag::Retryable, HttpStatus::is_retryable),
    ("deprecated", Flag::Deprecated, HttpStatus::is_deprecated),
    ("provisional", Flag::Provisional, HttpStatus::is_provisional),
];

// The former names as associated constants, by the names the registry
// gives them.
const ALIAS_CONSTANTS: [(&str, HttpStatus); 9] = [
    ("MOVED_TEMPORARILY", HttpStatus::MOVED_TEMPORARILY),
    ("REQUEST_TIME_OUT", HttpStatus::REQUEST_TIME_OUT),
    ("PAYLOAD_TOO_LARGE", HttpStatus::PAYLOAD_TOO_LARGE),
    (
        "REQUEST_ENTITY_TOO_LARGE",
        HttpStatus::REQUEST_ENTITY_TOO_LARGE,
    ),
    ("REQUEST_URI_TOO_LONG", HttpStatus::REQUEST_URI_TOO_LONG),
    ("REQUEST_URI_TOO_LARGE", HttpStatus::REQUEST_URI_TOO_LARGE),
    (
        "REQUESTED_RANGE_NOT_SATISFIABLE",
        HttpStatus::REQUESTED_RANGE_NOT_SATISFIABLE,
    ),
    ("UNPROCESSABLE_ENTITY", HttpStatus::UNPROCESSABLE_ENTITY),
    ("GATEWAY_TIME_OUT", HttpStatus::GATEWAY_TIME_OUT),
];

fn read_registry(path: &str) -> (Vec<Row>, Vec<AliasRow>) {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {}", path, e));
    let mut rows = Vec::new();
    let mut aliases = Vec::new();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let code = f[1].parse().expect("a code");
        match (f[0], f.len()) {
            ("status", 7) => rows.push(Row {
                code,
                reason: f[2].to_string(),
                name: f[3].to_string(),
                class: f[4].to_string(),
                flags: match f[5] {
                    "-" => Vec::new(),
                    list => list.split(',').map(str::to_string).collect(),
                },
                reference: match f[6] {
                    "-" => None,
                    r => Some(r.to_string()),
                },
            }),
            ("alias", 4) => aliases.push(AliasRow {
                code,
                reason: f[2].to_string(),
                name: f[3].to_string(),
            }),
            _ => panic!("{}: a line of neither kind: {:?}", path, line),
        }
    }
    (rows, aliases)
}

// A name in UpperCamel case, as the variants are named: NOT_FOUND gives
// NotFound.
fn upper_camel(name: &str) -> String {
    name.split('_')
        .map(|word| {
            let lower = word.to_ascii_lowercase();
            let mut chars = lower.chars();
            match chars.next() {
                Some(c) => c.to_ascii_uppercase().to_string() + chars.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

// The ASCII cases a reason is also found in: lower, upper and swapped.
fn case_variants(text: &str) -> [String; 3] {
    let swapped = text
        .chars()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    [
        text.to_ascii_lowercase(),
        text.to_ascii_uppercase(),
        swapped,
    ]
}

fn check_status(t: &mut Tally, row: &Row) {
    let code = row.code;
    let status = match HttpStatus::try_from(code) {
        Ok(status) => status,
        Err(e) => return t.check(false, || format!("{}: try_from: {}", code, e)),
    };
    t.check(status.code() == code, || format!("{}: code()", code));
    t.check(u32::from(status) == code, || format!("{}: u32::from", code));
    t.check(HttpStatus::from_code(code) == Some(status), || {
        format!("{}: from_code", code)
    });
    let narrow = u16::try_from(code).ok().map(HttpStatus::try_from);
    t.check(narrow == Some(Ok(status)), || {
        format!("{}: TryFrom<u16>", code)
    });
    t.check(HttpStatus::try_from(code as i32) == Ok(status), || {
        format!("{}: TryFrom<i32>", code)
    });
    t.check(status.reason() == row.reason, || {
        format!(
            "{}: reason {:?}, want {:?}",
            code,
            status.reason(),
            row.reason
        )
    });
    t.check(status.name() == row.name, || {
        format!("{}: name {:?}, want {:?}", code, status.name(), row.name)
    });
    t.check(status.reference() == row.reference.as_deref(), || {
        format!(
            "{}: reference {:?}, want {:?}",
            code,
            status.reference(),
            row.reference
        )
    });
    t.check(!status.description().is_empty(), || {
        format!("{}: empty description", code)
    });
    let want_debug = upper_camel(&row.name);
    t.check(format!("{:?}", status) == want_debug, || {
        format!("{}: variant {:?}, want {}", code, status, want_debug)
    });
    let want_display = format!("{} {}", code, row.reason);
    t.check(status.to_string() == want_display, || {
        format!(
            "{}: Display {:?}, want {:?}",
            code,
            status.to_string(),
            want_display
        )
    });
    t.check(HttpStatus::from_name(&row.name) == Some(status), || {
        format!("{}: from_name({:?})", code, row.name)
    });
    let lower = row.name.to_ascii_lowercase();
    t.check(HttpStatus::from_name(&lower).is_none(), || {
        format!("{}: from_name({:?}) is not exact", code, lower)
    });
    t.check(HttpStatus::from_reason(&row.reason) == Some(status), || {
        format!("{}: from_reason({:?})", code, row.reason)
    });
    for variant in case_variants(&row.reason) {
        t.check(HttpStatus::from_reason(&variant) == Some(status), || {
            format!("{}: from_reason({:?})", code, variant)
        });
    }
    for (id, predicate) in CLASS_PREDICATES {
        let want = id == row.class;
        t.check(predicate(status) == want, || {
            format!("{}: is_{}() is {}", code, id, !want)
        });
    }
    t.check(status.class().id() == row.class, || {
        format!(
            "{}: class {}, want {}",
            code,
            status.class().id(),
            row.class
        )
    });
    for (id, flag, predicate) in FLAG_PREDICATES {
        let want = row.flags.iter().any(|f| f == id);
        t.check(
            predicate(status) == want && status.has(flag) == want,
            || format!("{}: is_{}() and has({:?}) are not {}", code, id, flag, want),
        );
    }
    let flags: Vec<&str> = status.flags().map(Flag::id).collect();
    t.check(flags == row.flags, || {
        format!("{}: flags {:?}, want {:?}", code, flags, row.flags)
    });
}

fn check_alias(t: &mut Tally, alias: &AliasRow) {
    let code = alias.code;
    let found = HttpStatus::from_name(&alias.name).map(HttpStatus::code);
    t.check(found == Some(code), || {
        format!(
            "alias {}: from_name gives {:?}, want {}",
            alias.name, found, code
        )
    });
    let found = HttpStatus::from_reason(&alias.reason).map(HttpStatus::code);
    t.check(found == Some(code), || {
        format!(
            "alias {:?}: from_reason gives {:?}, want {}",
            alias.reason, found, code
        )
    });
    for variant in case_variants(&alias.reason) {
        let found = HttpStatus::from_reason(&variant).map(HttpStatus::code);
        t.check(found == Some(code), || {
            format!(
                "alias {:?}: from_reason gives {:?}, want {}",
                variant, found, code
            )
        });
    }
    let former = HttpStatus::from_code(code).map_or(&[][..], HttpStatus::former_reasons);
    t.check(former.contains(&alias.reason.as_str()), || {
        format!(
            "{}: former_reasons {:?} lack {:?}",
            code, former, alias.reason
        )
    });
    let constant = ALIAS_CONSTANTS.iter().find(|(name, _)| *name == alias.name);
    t.check(constant.map(|(_, c)| c.code()) == Some(code), || {
        format!("alias {}: no constant of code {}", alias.name, code)
    });
}

// Codes -1 to 1000 outside the registry are unknown, and so are numbers
// past what a status can be.
fn check_unknown(t: &mut Tally, known: &BTreeMap<u32, &Row>) {
    for code in -1i32..=1000 {
        if u32::try_from(code).map_or(false, |c| known.contains_key(&c)) {
            continue;
        }
        t.check(
            HttpStatus::try_from(code) == Err(UnknownCode(i64::from(code))),
            || format!("{}: TryFrom<i32> succeeds", code),
        );
        if let Ok(c) = u32::try_from(code) {
            t.check(
                HttpStatus::try_from(c).is_err() && HttpStatus::from_code(c).is_none(),
                || format!("{}: TryFrom<u32> or from_code succeeds", code),
            );
        }
    }
    for code in [
        i64::MIN,
        -404,
        65535,
        65536 + 404,
        i64::from(u32::MAX) + 405,
        i64::MAX,
    ] {
        t.check(HttpStatus::try_from(code) == Err(UnknownCode(code)), || {
            format!("{}: TryFrom<i64> succeeds", code)
        });
    }
    t.check(HttpStatus::try_from(u32::MAX).is_err(), || {
        "u32::MAX is known".into()
    });
    t.check(HttpStatus::try_from(u16::MAX).is_err(), || {
        "u16::MAX is known".into()
    });
    let err = UnknownCode(999).to_string();
    t.check(err.contains("999"), || {
        format!("UnknownCode Display {:?}", err)
    });
    for text in [
        "",
        " ",
        "NOT_FOUND ",
        " NOT_FOUND",
        "NOT_FOUN",
        "NotFound",
        "404",
    ] {
        t.check(HttpStatus::from_name(text).is_none(), || {
            format!("from_name({:?}) finds something", text)
        });
    }
    for text in [
        "",
        " ",
        "Not Found ",
        " Not Found",
        "Not Foun",
        "NotFound",
        "404",
        "Not\tFound",
    ] {
        t.check(HttpStatus::from_reason(text).is_none(), || {
            format!("from_reason({:?}) finds something", text)
        });
    }
}

// Classes by range: each hundred from 100 to 599 is the class the registry
// gives its codes; the others are in none.
fn check_classes(t: &mut Tally, rows: &[Row]) {
    let mut by_hundred: BTreeMap<u32, &str> = BTreeMap::new();
    for row in rows {
        by_hundred.insert(row.code / 100, &row.class);
    }
    let ids: Vec<&str> = Class::ALL.iter().map(|c| c.id()).collect();
    let want: Vec<&str> = by_hundred.values().copied().collect();
    t.check(ids == want, || {
        format!("Class::ALL {:?}, want {:?}", ids, want)
    });
    for code in 0..=1000u32 {
        let want = if (100..600).contains(&code) {
            by_hundred.get(&(code / 100)).copied()
        } else {
            None
        };
        let got = Class::of(code).map(Class::id);
        t.check(got == want, || {
            format!("Class::of({}) is {:?}, want {:?}", code, got, want)
        });
        if let Some(class) = Class::of(code) {
            t.check(class.codes().contains(&code), || {
                format!("{:?}.codes() lacks {}", class, code)
            });
        }
    }
    for class in Class::ALL {
        let hundred = class.codes().start() / 100;
        t.check(
            *class.codes().start() == hundred * 100 && *class.codes().end() == hundred * 100 + 99,
            || format!("{:?}.codes() is {:?}", class, class.codes()),
        );
        t.check(!class.title().is_empty(), || {
            format!("{:?} has no title", class)
        });
    }
}

fn check_flags(t: &mut Tally) {
    let ids: Vec<&str> = Flag::ALL.iter().map(|f| f.id()).collect();
    let want: Vec<&str> = FLAG_PREDICATES.iter().map(|(id, _, _)| *id).collect();
    t.check(ids == want, || {
        format!("Flag::ALL {:?}, want {:?}", ids, want)
    });
    for (id, flag, _) in FLAG_PREDICATES {
        t.check(flag.id() == id && !flag.meaning().is_empty(), || {
            format!("{:?}: id {:?} or no meaning", flag, flag.id())
        });
    }
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: check_rust REGISTRY_TSV");
    let (rows, aliases) = read_registry(&path);
    let mut t = Tally::default();
    let known: BTreeMap<u32, &Row> = rows.iter().map(|r| (r.code, r)).collect();

    let all: Vec<u32> = HttpStatus::ALL.iter().map(|s| s.code()).collect();
    let want: Vec<u32> = known.keys().copied().collect();
    t.check(all == want, || {
        format!("ALL holds {:?}, want {:?}", all, want)
    });
    for row in &rows {
        check_status(&mut t, row);
    }
    for alias in &aliases {
        check_alias(&mut t, alias);
    }
    t.check(ALIAS_CONSTANTS.len() == aliases.len(), || {
        format!(
            "{} alias constants, {} aliases",
            ALIAS_CONSTANTS.len(),
            aliases.len()
        )
    });
    check_unknown(&mut t, &known);
    check_classes(&mut t, &rows);
    check_flags(&mut t);
    t.check(
        !http_status::TITLE.is_empty() && !http_status::SOURCE.is_empty(),
        || "TITLE or SOURCE is empty".into(),
    );

    println!("rust http: {} passed, {} failed", t.passed, t.failed);
    std::process::exit(if t.failed == 0 { 0 } else { 1 });
}
