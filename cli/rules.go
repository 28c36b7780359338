package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/urfave/cli/v2"

	"github.com/pwbconf/pwbconf/diag"
	"github.com/pwbconf/pwbconf/validate"
)

// ruleFormats are the values --format accepts for rules and explain.
var ruleFormats = []string{"text", "json", "markdown"}

func ruleFormatFlag() cli.Flag {
	return &cli.StringFlag{
		Name: "format", Aliases: []string{"f"}, Value: "text",
		Usage: "print as `FORMAT`: " + strings.Join(ruleFormats, ", "),
	}
}

func (r *runner) rulesCommand() *cli.Command {
	return &cli.Command{
		Name:      "rules",
		Usage:     "list every rule: code, name, default severity and summary",
		UsageText: "pwbconf rules [--format FORMAT]",
		Description: "The json format adds each rule's explanation and examples; the\n" +
			"markdown format is the page docs/rules.md, written from the same\n" +
			"declarations.",
		Flags:  []cli.Flag{ruleFormatFlag()},
		Action: r.rules,
	}
}

func (r *runner) explainCommand() *cli.Command {
	return &cli.Command{
		Name:      "explain",
		Usage:     "explain one rule, with an example that breaks it and its fix",
		UsageText: "pwbconf explain [--format FORMAT] CODE|NAME",
		Description: "CODE is a rule code such as PWB101, in any case; NAME a rule name\n" +
			"such as unknown-variable. \"pwbconf rules\" lists them.",
		Flags:  []cli.Flag{ruleFormatFlag()},
		Action: r.explain,
	}
}

func ruleFormat(c *cli.Context) (string, error) {
	format := c.String("format")
	if !slices.Contains(ruleFormats, format) {
		return "", usagef("--format %q: want one of %s", format, strings.Join(ruleFormats, ", "))
	}
	return format, nil
}

func (r *runner) rules(c *cli.Context) error {
	if c.NArg() != 0 {
		return usagef("rules takes no arguments")
	}
	format, err := ruleFormat(c)
	if err != nil {
		return err
	}
	rules := validate.Rules()
	switch format {
	case "json":
		return writeRulesJSON(r.stdout, rules)
	case "markdown":
		return writeRulesMarkdown(r.stdout, rules)
	}
	return writeRuleTable(r.stdout, rules)
}

func (r *runner) explain(c *cli.Context) error {
	if c.NArg() != 1 {
		return usagef("explain needs exactly one CODE or NAME, got %d", c.NArg())
	}
	format, err := ruleFormat(c)
	if err != nil {
		return err
	}
	rule, err := lookupRule(c.Args().First())
	if err != nil {
		return err
	}
	switch format {
	case "json":
		return writeJSONValue(r.stdout, jsonRule(rule))
	case "markdown":
		_, err := io.WriteString(r.stdout, ruleMarkdown(rule))
		return err
	}
	_, err = io.WriteString(r.stdout, ruleText(rule))
	return err
}

// lookupRule finds a rule by code or name, suggesting the nearest name
// for a typo.
func lookupRule(codeOrName string) (validate.Rule, error) {
	if rule, ok := validate.Lookup(codeOrName); ok {
		return rule, nil
	}
	if near := validate.NearestRule(codeOrName); near != "" {
		return validate.Rule{}, usagef("no rule %q; did you mean %q?", codeOrName, near)
	}
	return validate.Rule{}, usagef("no rule %q; \"pwbconf rules\" lists them", codeOrName)
}

// writeRuleTable prints one line per rule, in aligned columns.
func writeRuleTable(w io.Writer, rules []validate.Rule) error {
	nameWidth := 0
	for _, rule := range rules {
		nameWidth = max(nameWidth, len(rule.Name))
	}
	bw := bufio.NewWriter(w)
	for _, rule := range rules {
		fmt.Fprintf(bw, "%s  %-*s  %-7s  %s\n", rule.Code, nameWidth, rule.Name,
			rule.Severity, rule.Summary)
	}
	return bw.Flush()
}

// ruleJSON is a rule as the json format prints it.
type ruleJSON struct {
	Code     string        `json:"code"`
	Name     string        `json:"name"`
	Severity diag.Severity `json:"severity"`
	Summary  string        `json:"summary"`
	Doc      string        `json:"doc"`
	Bad      string        `json:"bad"`
	Good     string        `json:"good"`
	// Pywikibot names the warning Pywikibot prints for the same problem.
	Pywikibot string `json:"pywikibot,omitempty"`
}

func jsonRule(r validate.Rule) ruleJSON {
	return ruleJSON{Code: r.Code, Name: r.Name, Severity: r.Severity, Summary: r.Summary,
		Doc: r.Doc, Bad: r.Bad, Good: r.Good, Pywikibot: r.Pywikibot}
}

func writeRulesJSON(w io.Writer, rules []validate.Rule) error {
	out := make([]ruleJSON, len(rules))
	for i, rule := range rules {
		out[i] = jsonRule(rule)
	}
	return writeJSONValue(w, out)
}

func writeJSONValue(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// ruleText is what explain prints: a heading, the explanation wrapped for
// a terminal, and the examples indented.
func ruleText(r validate.Rule) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s (%s): %s\n\n", r.Code, r.Name, r.Severity, r.Summary)
	b.WriteString(ruleHelpText(r))
	return b.String()
}

// ruleHelpText is the explanation and the examples as plain text.
func ruleHelpText(r validate.Rule) string {
	var b strings.Builder
	b.WriteString(wrap(r.Doc, 76))
	b.WriteString("\nBad:\n")
	b.WriteString(indent(r.Bad, "    "))
	b.WriteString("\nGood:\n")
	b.WriteString(indent(r.Good, "    "))
	return b.String()
}

// ruleHelpMarkdown is the explanation and the examples as Markdown, for
// a SARIF viewer and the rules page.
func ruleHelpMarkdown(r validate.Rule) string {
	var b strings.Builder
	b.WriteString(r.Doc)
	b.WriteString("\n\nBad:\n\n")
	b.WriteString(pythonBlock(r.Bad))
	b.WriteString("\nGood:\n\n")
	b.WriteString(pythonBlock(r.Good))
	return b.String()
}

// ruleMarkdown is one rule's section of the rules page.
func ruleMarkdown(r validate.Rule) string {
	return fmt.Sprintf("## %s\n\n`%s` · %s · %s\n\n%s", r.Code, r.Name, r.Severity,
		r.Summary, ruleHelpMarkdown(r))
}

// writeRulesMarkdown prints docs/rules.md: an index table, then a section
// per rule.
func writeRulesMarkdown(w io.Writer, rules []validate.Rule) error {
	bw := bufio.NewWriter(w)
	fmt.Fprint(bw, "# Rules\n\n"+
		"<!-- Written by \"pwbconf rules --format markdown\" from the rule declarations\n"+
		"     in validate/; a test fails when the two differ. Do not edit by hand. -->\n\n"+
		"Every finding pwbconf reports has one of these codes. A code never changes\n"+
		"meaning and is never reused; the name may stand for it anywhere a code is\n"+
		"accepted (`--select`, `--ignore`, `--severity`, `.pwbconf.yaml`,\n"+
		"`# pwbconf: ignore[...]` comments). `pwbconf explain CODE` prints one\n"+
		"section of this page.\n\n"+
		"| code | name | severity | summary |\n| --- | --- | --- | --- |\n")
	for _, r := range rules {
		fmt.Fprintf(bw, "| [%s](#%s) | `%s` | %s | %s |\n", r.Code, strings.ToLower(r.Code),
			r.Name, r.Severity, strings.ReplaceAll(r.Summary, "|", `\|`))
	}
	for _, r := range rules {
		fmt.Fprintf(bw, "\n%s", ruleMarkdown(r))
	}
	return bw.Flush()
}

// pythonBlock fences a snippet as Python code, with a fence longer than
// any run of backticks in it.
func pythonBlock(code string) string {
	fence := "```"
	for strings.Contains(code, fence) {
		fence += "`"
	}
	return fence + "python\n" + strings.TrimRight(code, "\n") + "\n" + fence + "\n"
}

// indent puts prefix before every non-empty line of s.
func indent(s, prefix string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = prefix + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}

// wrap breaks a paragraph into lines of at most width columns, at spaces.
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		switch {
		case n == 0:
		case n+1+utf8.RuneCountInString(word) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += utf8.RuneCountInString(word)
	}
	b.WriteByte('\n')
	return b.String()
}
