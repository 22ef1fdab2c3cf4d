package pages

import (
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"
)

// html/template puts an escaper after every action that writes into the
// page; for text between tags it is _html_template_htmlescaper, which
// hands HTML through as it is. Most of what a page writes there is HTML
// already, from the functions that return it ({{keep .Site .Text}},
// {{value "dept-link" $ .}}): their escaper changes nothing but costs a
// call as dear as theirs, a tenth of a task page. So once a kind's
// template is escaped (its first page), dropHTMLEscapers takes that
// escaper off the actions whose only command calls such a function. An
// action in any other context (an attribute, a URL, a script) keeps its
// escapers, which do change HTML there.

const htmlEscaper = "_html_template_htmlescaper"

var htmlType = reflect.TypeFor[template.HTML]()

// htmlFuncs names the functions of fm that return template.HTML.
func htmlFuncs(fm template.FuncMap) map[string]bool {
	names := map[string]bool{}
	for name, f := range fm {
		if t := reflect.TypeOf(f); t.Kind() == reflect.Func && t.NumOut() > 0 && t.Out(0) == htmlType {
			names[name] = true
		}
	}
	return names
}

// dropHTMLEscapers takes the HTML escaper off the actions of every
// template of set that write what a function of html returns. The set
// must have been escaped, and not be running.
func dropHTMLEscapers(set *template.Template, html map[string]bool) {
	for _, t := range set.Templates() {
		if t.Tree != nil {
			dropIn(t.Tree.Root, html)
		}
	}
}

func dropIn(root *parse.ListNode, html map[string]bool) {
	walkNodes(root, func(n parse.Node) {
		a, ok := n.(*parse.ActionNode)
		if !ok {
			return
		}
		cmds := a.Pipe.Cmds
		if len(a.Pipe.Decl) == 0 && len(cmds) == 2 && isIdent(cmds[1], htmlEscaper) && len(cmds[1].Args) == 1 && calls(cmds[0], html) {
			a.Pipe.Cmds = cmds[:1]
		}
	})
}

// walkNodes calls fn with every node of the list n that writes or runs
// something, and with those inside the branches of its if, range and with.
func walkNodes(n *parse.ListNode, fn func(parse.Node)) {
	if n == nil {
		return
	}
	for _, c := range n.Nodes {
		fn(c)
		switch c := c.(type) {
		case *parse.IfNode:
			walkNodes(c.List, fn)
			walkNodes(c.ElseList, fn)
		case *parse.RangeNode:
			walkNodes(c.List, fn)
			walkNodes(c.ElseList, fn)
		case *parse.WithNode:
			walkNodes(c.List, fn)
			walkNodes(c.ElseList, fn)
		}
	}
}

// calls reports whether c calls one of the functions html.
func calls(c *parse.CommandNode, html map[string]bool) bool {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	return ok && html[id.Ident]
}

func isIdent(c *parse.CommandNode, name string) bool {
	id, ok := c.Args[0].(*parse.IdentifierNode)
	return ok && id.Ident == name
}

// htmlText escapes s as html/template escapes a string between tags, so
// that a function can return it as HTML and lose its escaper: html/template
// escapes + too, which text/template's HTMLEscapeString leaves.
var htmlText = strings.NewReplacer("\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;", ">", "&gt;").Replace
