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
		Cmds:          map[string]func(*testscript.TestScript, bool, []string){"httpget": httpget, "httppost": httppost, "envfile": envfile, "mailbox": mailbox, "dkimkey": dkimkey},
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

// httppost URL BODY posts BODY as a form (or, with a BODY of
// "List-Unsubscribe=One-Click", as a mail program's one-click
// unsubscribe) and writes the status and the body to stdout.
func httppost(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: httppost URL BODY")
	}
	resp, err := http.Post(args[0], "application/x-www-form-urlencoded", strings.NewReader(args[1]))
	if err != nil {
		ts.Fatalf("httppost %s: %v", args[0], err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Fprintf(ts.Stdout(), "status %d\n%s", resp.StatusCode, body)
}

// envfile VAR FILE sets $VAR to FILE's text, trimmed.
func envfile(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: envfile VAR FILE")
	}
	ts.Setenv(args[0], strings.TrimSpace(ts.ReadFile(args[1])))
}
