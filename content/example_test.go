package content_test

import (
	"fmt"
	"testing/fstest"

	"github.com/plainpress/plainpress/content"
)

func ExampleLoad() {
	fsys := fstest.MapFS{
		"plainpress.yaml":      {Data: []byte("title: Child Support Services\nbaseURL: https://childsupport.example.gov/\nlanguages:\n  - {code: en, name: English}\n  - {code: es, name: Español}\n")},
		"content/en/_index.md": {Data: []byte("---\ntitle: Home\ndescription: Start here.\n---\nWelcome.\n")},
		"content/en/pay.md":    {Data: []byte("---\ntitle: How to pay\ndescription: Ways to pay.\n---\nPay online.\n")},
		"content/es/pay.md":    {Data: []byte("---\ntitle: Cómo pagar\ndescription: Formas de pagar.\n---\nPague en línea.\n")},
	}
	proj, err := content.Load(fsys)
	if err != nil {
		fmt.Println(err)
		return
	}
	pay := proj.Page("en", "pay.md")
	fmt.Println(pay.URL, pay.Meta.Title, pay.Translation("es").URL)
	// Output: /pay/ How to pay /es/pay/
}
