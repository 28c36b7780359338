package parser

import (
	"cmp"
	"fmt"
	"maps"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/model"
	"github.com/pwbconf/pwbconf/pywikibot"
)

// maxValueDepth bounds how deep a value is copied into the model; a list
// that holds itself would otherwise never end.
const maxValueDepth = 32

// secretSettings are the top-level names Pywikibot keeps private.
var secretSettings = map[string]bool{"authenticate": true, "db_password": true}

// isSecretSetting reports whether the value of a top-level name is to be
// kept private: one of secretSettings, or one whose name speaks of a
// credential (model.CredentialSetting).
func isSecretSetting(name string, v model.Value) bool {
	return secretSettings[name] || model.CredentialSetting(name, pywikibot.IsKnown(name), v)
}

// collect reads the final namespace into the model: every name the file
// bound and left bound (names starting with "_" included: Pywikibot skips
// them, but a converter may need them), and every entry of usernames and
// authenticate, wherever they came from.
func (ev *evaluation) collect() {
	ev.budget = -1
	if ev.fatal != nil && ev.fatal.code == diag.CodeMemoryLimit {
		ev.budget = int(ev.opts.MemoryLimit / 8)
	}
	for _, name := range ev.collectOrder() {
		v := ev.globals[name]
		b := ev.changedBinding(name, v)
		if b == nil {
			continue
		}
		switch name {
		case "usernames":
			if ev.collectUsernames(v, b) {
				continue
			}
		case "authenticate":
			if ev.collectAuthenticate(v, b) {
				continue
			}
		}
		val := ev.value(v, 0)
		ev.cfg.Settings = append(ev.cfg.Settings, model.Entry{
			Path:    []string{name},
			Value:   val,
			Secret:  isSecretSetting(name, val) || !pywikibot.IsKnown(name) && model.BotPasswordPair(val),
			Pos:     b.pos,
			Earlier: b.earlier,
		})
	}
	if _, ok := ev.bound["usernames"]; !ok {
		ev.collectUsernames(ev.globals["usernames"], &binding{})
	}
	if _, ok := ev.bound["authenticate"]; !ok {
		ev.collectAuthenticate(ev.globals["authenticate"], &binding{})
	}
	slices.SortFunc(ev.cfg.Settings, func(a, b model.Entry) int {
		return cmp.Or(comparePos(a.Pos, b.Pos), cmp.Compare(a.Path[0], b.Path[0]))
	})
	ev.collectFamilyPaths()
	ev.noteUnresolvedEnv()
	secrets := ev.envSecrets()
	for _, list := range [][]model.Entry{ev.cfg.Settings, ev.cfg.Usernames, ev.cfg.Authenticate} {
		for i := range list {
			ev.markEmptyDefaults(&list[i])
			list[i].Secret = list[i].Secret || holdsEnvSecret(list[i].Value, secrets)
		}
	}
}

// envSecrets returns the values the file read from variables whose names
// speak of a credential (model.CredentialName), such as BOT_PASS: they are
// as secret in the config as in the environment, wherever they end up.
func (ev *evaluation) envSecrets() []string {
	var out []string
	for _, r := range ev.cfg.EnvReads {
		if v, ok := ev.opts.Env[r.Name]; ok && r.Resolved && model.CredentialName(r.Name) {
			out = append(out, v)
		}
	}
	return out
}

// holdsEnvSecret reports whether v holds one of secrets, or is the
// default of a read of a variable whose name speaks of a credential.
func holdsEnvSecret(v model.Value, secrets []string) bool {
	if name, ok := v.EnvDefault(); ok && model.CredentialName(name) {
		return true
	}
	if v.Kind == model.Str {
		return slices.ContainsFunc(secrets, func(secret string) bool {
			return model.HoldsSecret(v.Str, secret)
		})
	}
	return slices.ContainsFunc(v.Items, func(it model.Value) bool { return holdsEnvSecret(it, secrets) }) ||
		slices.ContainsFunc(v.Values, func(it model.Value) bool { return holdsEnvSecret(it, secrets) })
}

// markEmptyDefaults marks the empty strs of an entry as the defaults of
// the variables its statement read with an empty default, when there are
// as many of each: `authenticate[k] = (os.environ.get('A', ”), ...)`.
func (ev *evaluation) markEmptyDefaults(e *model.Entry) {
	names := ev.emptyDefaults[e.Pos]
	if len(names) == 0 {
		return
	}
	var empty []*model.Value
	var walk func(v *model.Value)
	walk = func(v *model.Value) {
		switch {
		case v.Kind == model.Str && v.Str == "" && v.Source == "":
			empty = append(empty, v)
		case v.Kind == model.Tuple || v.Kind == model.List:
			for i := range v.Items {
				walk(&v.Items[i])
			}
		case v.Kind == model.Dict:
			for i := range v.Values {
				walk(&v.Values[i])
			}
		}
	}
	walk(&e.Value)
	if len(empty) != len(names) {
		return
	}
	for i, v := range empty {
		v.Source = "env:" + names[i]
	}
}

// changedBinding returns where the file set name: where it bound it, or,
// for a default changed in place, where it changed it last. A default
// changed in place and changed back is no setting.
func (ev *evaluation) changedBinding(name string, v py.Object) *binding {
	b := ev.bound[name]
	if d, ok := v.(*orderedDict); ok && b == nil && d.last.Line != 0 &&
		d.defaultOf == name && name != "usernames" && name != "authenticate" {
		b = &binding{pos: d.last, inPlace: true}
	}
	if b == nil || !b.inPlace {
		return b
	}
	if eq, err := py.Eq(v, defaultValue(name, v)); err == nil && eq == py.True {
		return nil
	}
	return b
}

func comparePos(a, b model.Pos) int {
	return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
}

// collectUsernames reads usernames[family][code]; it reports false when
// the name holds no dict at all and so belongs with the settings.
func (ev *evaluation) collectUsernames(v py.Object, b *binding) bool {
	outer, ok := ev.entriesOf(v, b)
	if !ok {
		return false
	}
	for _, fam := range outer {
		inner, ok := ev.entriesOf(fam.obj, &binding{pos: fam.pos, earlier: fam.earlier})
		if !ok {
			ev.cfg.Usernames = append(ev.cfg.Usernames, model.Entry{
				Path: []string{"usernames", fam.key}, Value: ev.value(fam.obj, 0),
				Pos: fam.pos, Earlier: fam.earlier,
			})
			continue
		}
		for _, e := range inner {
			ev.cfg.Usernames = append(ev.cfg.Usernames, model.Entry{
				Path: []string{"usernames", fam.key, e.key}, Value: ev.value(e.obj, 0),
				Pos: e.pos, Earlier: e.earlier,
			})
		}
	}
	return true
}

func (ev *evaluation) collectAuthenticate(v py.Object, b *binding) bool {
	entries, ok := ev.entriesOf(v, b)
	if !ok {
		return false
	}
	for _, e := range entries {
		ev.cfg.Authenticate = append(ev.cfg.Authenticate, model.Entry{
			Path: []string{"authenticate", e.key}, Value: ev.value(e.obj, 0),
			Secret: true, Pos: e.pos, Earlier: e.earlier,
		})
	}
	return true
}

type dictEntry struct {
	key     string
	obj     py.Object
	pos     model.Pos
	earlier []model.Pos
}

// entriesOf lists a dict's entries with where each was set: a tracked
// dict knows per key; the entries of any other dict take the place the
// dict itself was set (b).
func (ev *evaluation) entriesOf(v py.Object, b *binding) ([]dictEntry, bool) {
	m, ok := asMapping(v)
	if !ok {
		return nil, false
	}
	tracked, _ := v.(*orderedDict)
	out := make([]dictEntry, 0, len(m.keys))
	for _, k := range m.keys {
		e := dictEntry{key: plainText(k), obj: m.vals[k], pos: b.pos, earlier: b.earlier}
		if tracked != nil && tracked.track {
			if p, earlier := tracked.where(k); p.Line != 0 {
				e.pos, e.earlier = p, earlier
			}
		}
		out = append(out, e)
	}
	return out, true
}

// collectFamilyPaths adds the folders of user_families_paths, which
// Pywikibot registers after loading the file.
func (ev *evaluation) collectFamilyPaths() {
	e, ok := ev.cfg.Setting("user_families_paths")
	if !ok {
		return
	}
	for _, it := range e.Value.Items {
		if it.Kind == model.Str {
			ev.cfg.FamilyFolders = append(ev.cfg.FamilyFolders, model.PathRef{Path: it.Str, Pos: e.Pos})
		}
	}
}

// noteUnresolvedEnv says which variables the check was not given, in one
// finding per file at the first read: a config that takes all its secrets
// from the environment reads dozens, and a line for each buries the other
// findings. The finding names the first few; EnvReads has them all.
func (ev *evaluation) noteUnresolvedEnv() {
	var names []string
	var first model.Pos
	for _, r := range ev.cfg.EnvReads {
		if r.Resolved || slices.Contains(names, r.Name) {
			continue
		}
		if len(names) == 0 {
			first = r.Pos
		}
		names = append(names, r.Name)
	}
	switch len(names) {
	case 0:
	case 1:
		ev.note("env:"+names[0], diag.CodeUnresolvedEnv, first, "environment variable \""+
			names[0]+"\" is not set for the check, so a value read from it is unknown or its default")
	default:
		ev.note("env:", diag.CodeUnresolvedEnv, first, "environment variables "+listNames(names, 3)+
			" are not set for the check, so values read from them are unknown or their defaults")
	}
}

// listNames quotes up to n names and counts the rest: "A", "B" and 2 more.
func listNames(names []string, n int) string {
	quoted := make([]string, 0, n)
	for _, name := range names[:min(n, len(names))] {
		quoted = append(quoted, strconv.Quote(name))
	}
	if rest := len(names) - len(quoted); rest > 0 {
		return strings.Join(quoted, ", ") + fmt.Sprintf(" and %d more", rest)
	}
	last := len(quoted) - 1
	return strings.Join(quoted[:last], ", ") + " and " + quoted[last]
}

// collectOrder is the order collect reads the names in. Under a budget
// (after a memory stop) it is sorted, so that which values fit does not
// change from run to run with the order of a Go map.
func (ev *evaluation) collectOrder() []string {
	if ev.budget < 0 {
		return slices.Collect(maps.Keys(ev.globals))
	}
	return slices.Sorted(maps.Keys(ev.globals))
}

// value copies a Python value into the model.
func (ev *evaluation) value(o py.Object, depth int) model.Value {
	if depth > maxValueDepth {
		return model.Value{Kind: model.Other, Source: "..."}
	}
	if depth == 0 && ev.budget >= 0 {
		// After the memory limit the values can be as big as the limit,
		// and the model's copy and its encoding would go past it: a value
		// beyond what is left of the budget is kept as its type only. It
		// takes nothing from the budget, so the small values after it,
		// the settings that matter, are still copied.
		size := approxSize(o, ev.budget)
		if size > ev.budget {
			return model.Value{Kind: model.Other, Source: typeName(o)}
		}
		ev.budget -= size
	}
	switch v := o.(type) {
	case py.String:
		if src, ok := unknownSource(string(v)); ok {
			// Text made from an unknown value is computed from it.
			u := unknownValue{source: src}
			return ev.unknownModel(u.modelSource(), ev.originOf(src))
		}
		if name, ok := ev.envDefaults[identify(v)]; ok {
			return model.Value{Kind: model.Str, Str: string(v), Source: "env:" + name}
		}
		return model.Value{Kind: model.Str, Str: string(v)}
	case py.Bool:
		return model.Value{Kind: model.Bool, Bool: bool(v)}
	case py.Int:
		return model.Value{Kind: model.Int, Int: big.NewInt(int64(v))}
	case *py.BigInt:
		return model.Value{Kind: model.Int, Int: new(big.Int).Set((*big.Int)(v))}
	case py.Float:
		return model.Value{Kind: model.Float, Float: float64(v)}
	case py.NoneType:
		return model.Value{Kind: model.None}
	case py.Tuple:
		return model.Value{Kind: model.Tuple, Items: ev.values(v, depth)}
	case *py.List:
		if !ev.enterValue(v) {
			return cyclic(o)
		}
		defer delete(ev.converting, identify(v))
		return model.Value{Kind: model.List, Items: ev.values(v.Items, depth)}
	case *unknownValue:
		return ev.unknownModel(v.modelSource(), v.origin)
	}
	if m, ok := asMapping(o); ok {
		if !ev.enterValue(o) {
			return cyclic(o)
		}
		defer delete(ev.converting, identify(o))
		out := model.Value{Kind: model.Dict}
		for _, k := range m.keys {
			out.Keys = append(out.Keys, plainText(k))
			out.Values = append(out.Values, ev.value(m.vals[k], depth+1))
		}
		return out
	}
	return model.Value{Kind: model.Other, Source: typeName(o)}
}

// enterValue marks a container as being copied; it reports false when it
// already is, because the container holds itself.
func (ev *evaluation) enterValue(o py.Object) bool {
	id := identify(o)
	if ev.converting[id] {
		return false
	}
	if ev.converting == nil {
		ev.converting = map[identity]bool{}
	}
	ev.converting[id] = true
	return true
}

// cyclic stands for a container met again inside itself: the model is a
// tree, so the inner one is kept as its type only, as any value the model
// cannot hold is.
func cyclic(o py.Object) model.Value {
	return model.Value{Kind: model.Other, Source: typeName(o)}
}

func (ev *evaluation) values(items []py.Object, depth int) []model.Value {
	out := make([]model.Value, len(items))
	for i, it := range items {
		out[i] = ev.value(it, depth+1)
	}
	return out
}

func (ev *evaluation) unknownModel(source string, origin model.Pos) model.Value {
	v := model.Value{Kind: model.Unknown, Source: source}
	if origin.Line != 0 {
		o := origin
		v.Origin = &o
	}
	return v
}

// originOf finds where the first unknown value from source entered.
func (ev *evaluation) originOf(source string) model.Pos {
	return ev.origins[source]
}

// typeName is the name Python's type() gives o.
func typeName(o py.Object) string {
	switch o.(type) {
	case *py.Function:
		return "function"
	case *py.Method:
		return "builtin_function_or_method"
	case *py.Module:
		return "module"
	case *py.Type:
		return "type"
	}
	return o.Type().Name
}

// plainText shows the unknown values inside a string by their source.
func plainText(s string) string {
	if !strings.Contains(s, unknownOpen) {
		return s
	}
	s = strings.ReplaceAll(s, unknownOpen, "<unknown ")
	return strings.ReplaceAll(s, unknownClose, ">")
}

// approxSize estimates the bytes o takes in the model, stopping once it
// passes limit.
func approxSize(o py.Object, limit int) int {
	const item = 32
	var items []py.Object
	switch v := o.(type) {
	case py.String:
		return len(v) + item
	case py.Bytes:
		return len(v) + item
	case py.Tuple:
		items = v
	case *py.List:
		items = v.Items
	default:
		if m, ok := asMapping(o); ok {
			n := 0
			for _, k := range m.keys {
				if n += len(k) + approxSize(m.vals[k], limit-n); n > limit {
					return n
				}
			}
			return n
		}
		return item
	}
	n := item
	for _, it := range items {
		if n += approxSize(it, limit-n); n > limit {
			return n
		}
	}
	return n
}
