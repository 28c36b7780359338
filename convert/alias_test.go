package convert

import (
	"fmt"
	"strings"
	"testing"
)

// laughs builds a document whose aliases nest depth levels of ten.
func laughs(depth int) string {
	var b strings.Builder
	b.WriteString("version: 1\nsettings:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= depth; i++ {
		p := fmt.Sprintf("*a%d", i-1)
		fmt.Fprintf(&b, "  a%d: &a%d [%s]\n", i, i, strings.Repeat(p+", ", 9)+p)
	}
	return b.String()
}

func TestDecodeRefusesAliasBomb(t *testing.T) {
	_, err := Decode([]byte(laughs(9)), "bomb.yaml")
	if err == nil {
		t.Fatal("a billion values through aliases decoded")
	}
	for _, want := range []string{"bomb.yaml", "line 6", "*a2", "10000"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}
}

func TestDecodeKeepsSmallAliases(t *testing.T) {
	cfg, err := Decode([]byte(laughs(2)), "small.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if got := len(cfg.Settings[2].Value.Items[0].Items); got != 10 {
		t.Errorf("a2[0] has %d items, want 10", got)
	}
}

func TestDecodeRefusesAliasCycle(t *testing.T) {
	doc := "version: 1\nsettings:\n  a: &a [1, *a]\n"
	_, err := Decode([]byte(doc), "cycle.yaml")
	if err == nil {
		t.Fatal("an alias to the list around it decoded")
	}
	t.Log(err)
}
