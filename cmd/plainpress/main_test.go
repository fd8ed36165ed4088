package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"plainpress": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script. Set
// UPDATE_SCRIPTS=1 to rewrite their expected output.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:           "testdata/script",
		UpdateScripts: os.Getenv("UPDATE_SCRIPTS") != "",
		Setup:         startMailbox,
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"httpget": httpget, "mailbox": mailbox, "dkimkey": dkimkey},
	})
}

// httpget URL [TEXT] fetches a page and writes its status and body to
// stdout. It retries while the server starts, and until the body holds
// TEXT if given (a rebuild after an edit), for up to 10 s.
func httpget(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) < 1 || len(args) > 2 {
		ts.Fatalf("usage: httpget URL [TEXT]")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(args[0])
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if len(args) == 1 || strings.Contains(string(body), args[1]) || time.Now().After(deadline) {
				fmt.Fprintf(ts.Stdout(), "status %d\n%s", resp.StatusCode, body)
				return
			}
		}
		if time.Now().After(deadline) {
			ts.Fatalf("httpget %s: %v", args[0], err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
