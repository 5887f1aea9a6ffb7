// Command check holds the Go set generated for the HTTP spec to the
// independent registry table, and the set generated for the hostile spec to
// that spec's texts as statusgen --dump-model prints them. tests/lang/go.sh
// builds it in a module holding both generated packages, with one more
// file (constants_gen.go) that lists every constant the registry names.
//
// usage: check REGISTRY_TSV HOSTILE_JSON
//
// Prints each failure, then "go check: N passed, N failed"; exits 1 on any
// failure.
package main

import (
	"fmt"
	"os"
)

var passed, failed int

// expect counts one check: ok, or a failure described by the format.
func expect(ok bool, format string, args ...interface{}) {
	if ok {
		passed++
		return
	}
	failed++
	fmt.Printf("go check: "+format+"\n", args...)
}

// same checks that got is want, byte for byte.
func same(what, got, want string) {
	expect(got == want, "%s: got %+q, want %+q", what, got, want)
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: check REGISTRY_TSV HOSTILE_JSON")
		os.Exit(2)
	}
	if err := checkRegistry(os.Args[1]); err != nil {
		expect(false, "%v", err)
	}
	if err := checkHostile(os.Args[2]); err != nil {
		expect(false, "%v", err)
	}
	fmt.Printf("go check: %d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
