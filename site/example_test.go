package site_test

import (
	"context"
	"fmt"
	"testing/fstest"

	"github.com/plainpress/plainpress/content"
	"github.com/plainpress/plainpress/site"
)

func ExampleBuild() {
	proj, err := content.Load(fstest.MapFS{
		"plainpress.yaml":      {Data: []byte("title: Child Support Services\nbaseURL: https://childsupport.example.gov/\nlanguages: [{code: en, name: English}]\n")},
		"content/en/_index.md": {Data: []byte("---\ntitle: Home\ndescription: Start here.\n---\nRead [how to pay](pay.md).\n")},
		"content/en/pay.md":    {Data: []byte("---\ntitle: How to pay\ndescription: Ways to pay.\n---\nPay online.\n")},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	out := site.NewMemory()
	res, err := site.Build(context.Background(), proj, out, site.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	_, ok := out.File("pay/index.html")
	fmt.Println(res.Pages, "pages; pay/index.html:", ok, "; problems:", len(res.Problems))
	// Output: 2 pages; pay/index.html: true ; problems: 0
}
