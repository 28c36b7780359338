package coverage

import (
	"encoding/csv"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/pwbconf/pwbconf/model"
)

// jsonDoc is the shape of the JSON output, the same for one config or many.
type jsonDoc struct {
	Pywikibot string        `json:"pywikibot,omitempty"`
	Configs   []*jsonReport `json:"configs"`
}

type jsonReport struct {
	File     string   `json:"file"`
	Summary  string   `json:"summary"`
	Total    Count    `json:"total"`
	Required Need     `json:"required"`
	Families []Family `json:"families"`
	// Sites is nil, and left out, for several configs without View.Sites.
	Sites    *[]*Site `json:"sites,omitempty"`
	Unread   []Unread `json:"unread,omitempty"`
	Unlisted []string `json:"unlisted,omitempty"`
}

// WriteJSON writes one object: the Pywikibot version of the site table and,
// per config, the totals and the families. One record per site the view
// shows follows for a single config, or for several with v.Sites; without
// it several configs get the per-family totals alone, since some 1,800
// records per config make megabytes for a handful of configs.
func WriteJSON(w io.Writer, reports []*Report, v View) error {
	doc := jsonDoc{Pywikibot: v.Version, Configs: []*jsonReport{}}
	for _, r := range reports {
		jr := &jsonReport{File: r.File, Summary: r.Summary(), Total: r.Total,
			Required: r.Required, Unread: r.Unread, Unlisted: r.Unlisted}
		for _, f := range v.families(r) {
			jr.Families = append(jr.Families, *f)
		}
		if len(reports) == 1 || v.Sites {
			sites := v.allSites(r)
			if sites == nil {
				sites = []*Site{}
			}
			jr.Sites = &sites
		}
		doc.Configs = append(doc.Configs, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// CSVHeader names the columns of WriteCSV. Fields are defused for
// spreadsheets as [defuse] says.
var CSVHeader = []string{"file", "family", "code", "host", "status", "username",
	"username_entry", "username_line", "auth_key", "auth_kind", "auth_line", "verdict",
	"unresolved"}

// WriteCSV writes one record per site the view shows, for every config,
// under a header line.
func WriteCSV(w io.Writer, reports []*Report, v View) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for _, r := range reports {
		for _, s := range v.allSites(r) {
			if err := cw.Write(csvRecord(r.File, s)); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvRecord(file string, s *Site) []string {
	userEntry, userLine := sourceFields(s.UserSource)
	_, authLine := sourceFields(s.AuthSource)
	name := s.Username
	if s.UserState != UserOK && s.UserState != UserNone {
		name = "(" + string(s.UserState) + ")"
	}
	return defuse([]string{file, s.Family, s.Code, s.Host, string(s.Status), name, userEntry,
		userLine, s.AuthKey, string(s.AuthKind), authLine, string(s.Verdict),
		strconv.FormatBool(s.Unresolved)})
}

// defuse keeps spreadsheets from running config text as a formula: a
// field that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe, which spreadsheets show as text. Control characters
// become escapes (model.EscapeControls), so that no field spans lines.
// Scripts that need the exact text read the JSON output.
func defuse(fields []string) []string {
	for i, f := range fields {
		f = model.EscapeControls(f)
		fields[i] = f
		if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) {
			fields[i] = "'" + f
		}
	}
	return fields
}

func sourceFields(s *Source) (entry, line string) {
	if s == nil {
		return "", ""
	}
	return s.Text, strconv.Itoa(s.Line)
}
