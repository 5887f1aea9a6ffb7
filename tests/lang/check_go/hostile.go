package main

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"

	"check/hostile"
)

// The parts of the model (statusgen --dump-model) whose texts the hostile
// package must give back. encoding/json matches a key to a field ignoring
// case when no field has its exact name, so the upper case "ID" gets a field
// of its own, or it would overwrite "id".
type names struct {
	UpperCamel string `json:"UpperCamel"`
}

// group is a class or a flag: the fields of either.
type group struct {
	ID      string `json:"id"`
	Upper   string `json:"ID"`
	Names   names  `json:"names"`
	Title   string `json:"title"`
	Meaning string `json:"meaning"`
	Lo      int    `json:"lo"`
	Hi      int    `json:"hi"`
}

type model struct {
	Title    string  `json:"title"`
	Source   string  `json:"source"`
	Classes  []group `json:"classes"`
	Flags    []group `json:"flags"`
	Statuses []struct {
		Code        int             `json:"code"`
		Name        string          `json:"name"`
		Reason      string          `json:"reason"`
		Description string          `json:"description"`
		Reference   *string         `json:"reference"`
		Class       *group          `json:"class"`
		Flags       map[string]bool `json:"flags"`
		Aliases     []key           `json:"aliases"`
	} `json:"statuses"`
}

type key struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// predicate calls the method Is<upperCamel> of s, which the generated code
// has for each class and flag.
func predicate(s hostile.Hostile, upperCamel string) (bool, error) {
	m := reflect.ValueOf(s).MethodByName("Is" + upperCamel)
	if !m.IsValid() {
		return false, fmt.Errorf("hostile: no method Is%s", upperCamel)
	}
	out := m.Call(nil)
	if len(out) != 1 || out[0].Kind() != reflect.Bool {
		return false, fmt.Errorf("hostile: Is%s does not return a bool", upperCamel)
	}
	return out[0].Bool(), nil
}

// checkHostile reads every text of the hostile spec back through the
// generated package, byte for byte, and checks its lookups find them.
func checkHostile(path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var m model
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if len(m.Statuses) == 0 || len(m.Classes) == 0 || len(m.Flags) == 0 {
		return fmt.Errorf("%s: a status, a class and a flag expected", path)
	}
	same("hostile Title", hostile.Title, m.Title)
	same("hostile Source", hostile.Source, m.Source)
	for _, c := range m.Classes {
		for _, code := range []int{c.Lo, c.Hi} {
			s := hostile.Hostile(code)
			same(fmt.Sprintf("hostile %d Class()", code), s.Class(), c.ID)
			same(fmt.Sprintf("hostile %d ClassTitle()", code), s.ClassTitle(), c.Title)
			is, err := predicate(s, c.Names.UpperCamel)
			if err != nil {
				return err
			}
			expect(is, "hostile %d Is%s() is false", code, c.Names.UpperCamel)
		}
	}
	for _, f := range m.Flags {
		same("hostile FlagMeaning("+f.ID+")", hostile.FlagMeaning(f.ID), f.Meaning)
	}
	for _, st := range m.Statuses {
		s := hostile.Hostile(st.Code)
		what := fmt.Sprintf("hostile %d", st.Code)
		same(what+" Reason()", s.Reason(), st.Reason)
		same(what+" String()", s.String(), st.Reason)
		same(what+" Name()", s.Name(), st.Name)
		same(what+" Description()", s.Description(), st.Description)
		reference := ""
		if st.Reference != nil {
			reference = *st.Reference
		}
		same(what+" Reference()", s.Reference(), reference)
		if st.Class != nil {
			same(what+" ClassTitle()", s.ClassTitle(), st.Class.Title)
		}
		for _, f := range m.Flags {
			is, err := predicate(s, f.Names.UpperCamel)
			if err != nil {
				return err
			}
			expect(is == st.Flags[f.ID], "%s Is%s() is %v", what, f.Names.UpperCamel, is)
		}
		keys := append([]key{{st.Name, st.Reason}}, st.Aliases...)
		for _, k := range keys {
			got, ok := hostile.FromName(k.Name)
			expect(ok && got == s, "hostile FromName(%+q): got %d, %v", k.Name, got, ok)
			got, ok = hostile.FromReason(k.Reason)
			expect(ok && got == s, "hostile FromReason(%+q): got %d, %v", k.Reason, got, ok)
		}
	}
	return nil
}
