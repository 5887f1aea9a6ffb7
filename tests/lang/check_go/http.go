package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"check/http_status"
)

// A status or alias row of the registry table.
type row struct {
	alias     bool
	code      int
	reason    string
	name      string
	class     string          // status rows only
	flags     map[string]bool // status rows only
	reference string          // status rows only; "" when none
}

// readRegistry reads the table registry_tsv prints:
//
//	status CODE REASON NAME CLASS FLAGS REFERENCE
//	alias  CODE REASON NAME
func readRegistry(path string) ([]row, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var rows []row
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		fields := strings.Split(sc.Text(), "\t")
		var r row
		switch {
		case fields[0] == "status" && len(fields) == 7:
			r.class = fields[4]
			r.flags = map[string]bool{}
			if fields[5] != "-" {
				for _, id := range strings.Split(fields[5], ",") {
					r.flags[id] = true
				}
			}
			if fields[6] != "-" {
				r.reference = fields[6]
			}
		case fields[0] == "alias" && len(fields) == 4:
			r.alias = true
		default:
			return nil, fmt.Errorf("%s:%d: not a registry line", path, n)
		}
		if r.code, err = strconv.Atoi(fields[1]); err != nil {
			return nil, fmt.Errorf("%s:%d: %v", path, n, err)
		}
		r.reason, r.name = fields[2], fields[3]
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no statuses", path)
	}
	return rows, nil
}

// The flag predicates the HTTP spec declares, by flag id.
var flagPredicates = map[string]func(http_status.HttpStatus) bool{
	"cacheable":   http_status.HttpStatus.IsCacheable,
	"empty":       http_status.HttpStatus.IsEmpty,
	"retryable":   http_status.HttpStatus.IsRetryable,
	"deprecated":  http_status.HttpStatus.IsDeprecated,
	"provisional": http_status.HttpStatus.IsProvisional,
}

// The class predicates, by class id.
var classPredicates = map[string]func(http_status.HttpStatus) bool{
	"informational": http_status.HttpStatus.IsInformational,
	"success":       http_status.HttpStatus.IsSuccess,
	"redirection":   http_status.HttpStatus.IsRedirection,
	"client_error":  http_status.HttpStatus.IsClientError,
	"server_error":  http_status.HttpStatus.IsServerError,
}

// Case variants of an ASCII text, folded here, not by the code under test.
func upperASCII(s string) string { return mapASCII(s, 'a', 'z', 'A'-'a') }
func lowerASCII(s string) string { return mapASCII(s, 'A', 'Z', 'a'-'A') }
func swapASCII(s string) string  { return upperASCII(s[:len(s)/2]) + lowerASCII(s[len(s)/2:]) }

func mapASCII(s string, lo, hi byte, by int) string {
	b := []byte(s)
	for i, c := range b {
		if lo <= c && c <= hi {
			b[i] = byte(int(c) + by)
		}
	}
	return string(b)
}

// checkRegistry holds the HTTP package to the registry table.
func checkRegistry(path string) error {
	rows, err := readRegistry(path)
	if err != nil {
		return err
	}
	statuses := map[int]row{}
	hundreds := map[int]string{}
	for _, r := range rows {
		if !r.alias {
			statuses[r.code] = r
			hundreds[r.code/100] = r.class
		}
	}
	for _, r := range rows {
		checkRow(r, statuses[r.code])
	}
	checkConstants(statuses)
	checkRange(statuses, hundreds)
	checkMisses(rows)
	return nil
}

// checkRow checks the lookups of one status or alias row; st is the status
// row of its code.
func checkRow(r, st row) {
	s := http_status.HttpStatus(r.code)
	what := fmt.Sprintf("%d (%s)", r.code, r.name)
	got, ok := http_status.FromName(r.name)
	expect(ok && got == s, "FromName(%+q): got %d, %v, want %d", r.name, got, ok, r.code)
	for _, v := range []string{r.reason, upperASCII(r.reason), lowerASCII(r.reason), swapASCII(r.reason)} {
		got, ok := http_status.FromReason(v)
		expect(ok && got == s, "FromReason(%+q): got %d, %v, want %d", v, got, ok, r.code)
	}
	if r.alias {
		return
	}
	same(what+" Reason()", s.Reason(), r.reason)
	same(what+" String()", s.String(), r.reason)
	same(what+" Name()", s.Name(), r.name)
	same(what+" Reference()", s.Reference(), r.reference)
	expect(s.Description() != "", "%s Description() is empty", what)
	expect(s.IsKnown(), "%s IsKnown() is false", what)
	same(what+" Class()", s.Class(), r.class)
	expect(s.ClassTitle() != "", "%s ClassTitle() is empty", what)
	for id, is := range flagPredicates {
		expect(is(s) == st.flags[id], "%s Is %s: got %v", what, id, is(s))
	}
}

// checkConstants checks every constant the registry names (constants_gen.go)
// has its code, and that a former name answers its status's name.
func checkConstants(statuses map[int]row) {
	expect(len(constants) > 0, "no constants listed")
	for _, c := range constants {
		expect(int(c.value) == c.code, "constant %s is %d, want %d", c.name, int(c.value), c.code)
		same("Name() of constant "+c.name, c.value.Name(), statuses[c.code].name)
	}
}

// checkRange checks every code from -1 to 1000: unknown unless the registry
// has it, in the class of its hundred by range, known or not, and with a
// flag only when the registry gives it one.
func checkRange(statuses map[int]row, hundreds map[int]string) {
	for code := -1; code <= 1000; code++ {
		s := http_status.HttpStatus(code)
		class := ""
		if code >= 0 {
			class = hundreds[code/100]
		}
		same(fmt.Sprintf("%d Class()", code), s.Class(), class)
		for id, is := range classPredicates {
			expect(is(s) == (id == class), "%d Is %s: got %v", code, id, is(s))
		}
		st, known := statuses[code]
		for id, is := range flagPredicates {
			expect(is(s) == (known && st.flags[id]), "%d Is %s: got %v", code, id, is(s))
		}
		if known {
			continue
		}
		expect(!s.IsKnown(), "%d IsKnown() is true", code)
		same(fmt.Sprintf("%d String()", code), s.String(), fmt.Sprintf("HttpStatus(%d)", code))
		for _, text := range []string{s.Reason(), s.Name(), s.Description(), s.Reference()} {
			same(fmt.Sprintf("%d (unknown) text", code), text, "")
		}
	}
}

// checkMisses checks texts that must not be found: a name in another case,
// a reason with a character whose Unicode case folding (not ASCII's) would
// match, a reason with a space more, a name as a reason, the empty text.
func checkMisses(rows []row) {
	unicode := strings.NewReplacer("k", "\u212a", "K", "\u212a", "s", "\u017f", "S", "\u017f")
	for _, r := range rows {
		misses := map[string]func(string) (http_status.HttpStatus, bool){
			lowerASCII(r.name): http_status.FromName,
			r.reason + " ":     http_status.FromReason,
			" " + r.reason:     http_status.FromReason,
		}
		if r.reason != r.name { // "OK" is both
			misses[r.reason] = http_status.FromName
		}
		if u := unicode.Replace(r.reason); u != r.reason {
			misses[u] = http_status.FromReason
		}
		for text, from := range misses {
			got, ok := from(text)
			expect(!ok && got == 0, "%+q is found: %d", text, got)
		}
	}
	for _, from := range []func(string) (http_status.HttpStatus, bool){http_status.FromName, http_status.FromReason} {
		got, ok := from("")
		expect(!ok && got == 0, "the empty text is found: %d", got)
	}
}
