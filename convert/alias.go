package convert

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// maxAliasNodes bounds the nodes a document may reach through aliases: the
// reader expands every alias into a copy, and ten nested aliases of ten
// items each would otherwise ask for ten billion values.
const maxAliasNodes = 10_000

// aliasGuard measures what each alias expands to, once per node.
type aliasGuard struct {
	size   map[*yaml.Node]int
	inWork map[*yaml.Node]bool
}

// checkAliases refuses a document whose aliases, expanded, would give more
// than maxAliasNodes nodes, or that holds an alias to a node around it.
func checkAliases(doc *yaml.Node) error {
	g := aliasGuard{size: map[*yaml.Node]int{}, inWork: map[*yaml.Node]bool{}}
	reached := 0
	var walk func(n *yaml.Node) error
	walk = func(n *yaml.Node) error {
		if n.Kind == yaml.AliasNode {
			s, err := g.expanded(n)
			if err != nil {
				return err
			}
			if reached += s; reached > maxAliasNodes {
				return fmt.Errorf("line %d: alias *%s: the aliases reach more than %d values",
					n.Line, n.Value, maxAliasNodes)
			}
			return nil
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(doc)
}

// expanded returns the nodes n stands for with every alias in it replaced,
// at most maxAliasNodes+1 so that the sums cannot overflow.
func (g *aliasGuard) expanded(n *yaml.Node) (int, error) {
	target := n
	if n.Kind == yaml.AliasNode {
		target = n.Alias
		if target == nil {
			return 0, fmt.Errorf("line %d: alias *%s has no anchor", n.Line, n.Value)
		}
		if g.inWork[target] {
			return 0, fmt.Errorf("line %d: alias *%s refers to a value that holds it",
				n.Line, n.Value)
		}
	}
	if s, ok := g.size[target]; ok {
		return s, nil
	}
	g.inWork[target] = true
	total := 1
	for _, c := range target.Content {
		s, err := g.expanded(c)
		if err != nil {
			return 0, err
		}
		total = min(total+s, maxAliasNodes+1)
	}
	delete(g.inWork, target)
	g.size[target] = total
	return total, nil
}
