package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/stretchr/testify/require"
)

// chromiumPath is where Debian's chromium package (installed by .ci/run)
// puts the browser.
const chromiumPath = "/usr/bin/chromium"

// browser starts headless Chromium for a test, or skips the test when
// there is none. It returns a context whose actions are bounded to a
// minute and a func listing the console errors so far (script errors,
// resources the Content-Security-Policy blocked).
func browser(t *testing.T) (ctx context.Context, consoleErrors func() []string) {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if path, err = exec.LookPath("chromium"); err != nil {
			t.Skipf("no chromium binary at %s or on PATH: install Debian's chromium (.ci/run does) to run the browser tests", chromiumPath)
		}
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox,
		chromedp.DisableGPU, chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(1280, 900))
	alloc, cancelAlloc := chromedp.NewExecAllocator(t.Context(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")), "start chromium")
	var mu sync.Mutex
	var errs []string
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			// The 401 of the login page and the 404 of a missing page are
			// what those pages should answer; anything else is a fault.
			expected := strings.Contains(m.Text, "status of 401") || strings.Contains(m.Text, "status of 404")
			if (m.Type == chromedp.ConsoleError || m.IsException()) && !expected {
				mu.Lock()
				errs = append(errs, m.String())
				mu.Unlock()
			}
		}
	}()
	// Only contexts derived from one that has run may carry a timeout;
	// one on the first would bound the browser's life instead.
	tctx, cancel := context.WithTimeout(ctx, time.Minute)
	t.Cleanup(cancel)
	return tctx, func() []string { mu.Lock(); defer mu.Unlock(); return append([]string(nil), errs...) }
}

// screenshot saves the whole page as test-artifacts/<name>.png at the
// top of the repository (ignored by git), for a person to look at.
func screenshot(name string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		png, err := chromedp.FullScreenshot(100)(ctx, t)
		if err != nil {
			return err
		}
		dir := filepath.Join("..", "..", "test-artifacts")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644)
	})
}

// waitDemo waits until the demo corpus is indexed, that is until the
// document count stops growing.
func waitDemo(t *testing.T, addr string) uint64 {
	t.Helper()
	var last uint64
	stable := 0
	for deadline := time.Now().Add(40 * time.Second); time.Now().Before(deadline) && stable < 5; {
		var res apiSearch
		getJSON(t, "http://"+addr+"/api/v1/search?size=1", &res)
		if res.Total > 0 && res.Total == last {
			stable++
		} else {
			stable = 0
		}
		last = res.Total
		time.Sleep(200 * time.Millisecond)
	}
	require.Greater(t, last, uint64(10), "the demo corpus is indexed")
	return last
}

// count returns how many elements match a CSS selector.
func count(t *testing.T, ctx context.Context, css string) int {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", css)))
	require.NoError(t, err, "count %s", css)
	return n
}

func text(t *testing.T, ctx context.Context, css string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(css)))
	require.NoError(t, err, "text of %s", css)
	return s
}

// TestWebUIInBrowser drives the web UI of `newsintel serve --demo` in
// headless Chromium: search the demo corpus, open a result, see its
// anonymous claims marked, follow an entity to its page and its chart.
func TestWebUIInBrowser(t *testing.T) {
	ctx, consoleErrors := browser(t)
	cfg := testConfig(t.TempDir())
	const adminKey = "browser-test-admin-key"
	cfg.API.Keys = []config.APIKey{{Name: "editor", Hash: api.HashKey(adminKey), Scopes: []string{api.ScopeAdmin}}}
	// Two feeds for the sources page: one healthy, one answering 404.
	feeds := site(t)
	cfg.Sources = []config.Source{
		{Name: "harbor", Type: "feed", Kind: "article", URL: feeds.URL + "/feed.xml", Interval: config.Duration(time.Hour)},
		{Name: "gone", Type: "feed", Kind: "article", URL: feeds.URL + "/gone/feed.xml", Interval: config.Duration(time.Hour)},
	}
	r := startServe(t, cfg, serveOptions{demo: true})
	waitDemo(t, r.info.HTTPAddr)
	base := "http://" + r.info.HTTPAddr

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS(`form.search input[name=q]`)),
		chromedp.SetValue(chromedp.CSS(`form.search input[name=q]`), "Alibaba cloud review")), "open the search page")
	_, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(`form.search input[name=q]`)))
	require.NoError(t, err, "submit a search")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`li.hit mark`)), screenshot("web-search")))
	if hits, summary := count(t, ctx, "li.hit"), text(t, ctx, "p.summary"); hits == 0 || !strings.Contains(summary, "documents") {
		t.Fatalf("search shows %d hits, summary %q; want the demo's Alibaba articles", hits, summary)
	}

	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(`//a[contains(@class,"hit-title")][contains(., "Exclusive")]`)))
	require.NoError(t, err, "open a result")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`.claim.st-anonymous`)), screenshot("web-document")))
	title, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(`.claim.st-anonymous.first`), "title"))
	require.NoError(t, err)
	anonymous, tag := count(t, ctx, ".claim.st-anonymous.first"), text(t, ctx, ".claim.st-anonymous.first a.claim-tag")
	if anonymous == 0 || !strings.HasPrefix(title.Value, "Anonymous") || !strings.Contains(strings.ToLower(tag), "anon") {
		t.Errorf("document page: %d anonymous claims marked, the first titled %q and tagged %q; want them marked with their source", anonymous, title.Value, tag)
	}
	if side := text(t, ctx, "li.claim-item.st-anonymous"); !strings.Contains(strings.ToLower(side), "anonymous") {
		t.Errorf("document page: side list entry %q does not say the source is anonymous", side)
	}

	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`a.mention[href="/entities/company:alibaba"]`)))
	require.NoError(t, err, "open an entity")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`svg.chart-svg rect.bar`)), screenshot("web-entity")))
	if heading, bars := text(t, ctx, "h1"), count(t, ctx, "svg.chart-svg rect.bar"); heading != "Alibaba" || bars == 0 {
		t.Errorf("entity page: heading %q with %d chart bars; want Alibaba and its timeline", heading, bars)
	}

	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/claims?source_type=anonymous"),
		chromedp.WaitVisible(chromedp.CSS(`ol.claimlist`)), screenshot("web-claims")), "claims page")
	if n := count(t, ctx, "ol.claimlist li.st-anonymous"); n == 0 {
		t.Errorf("claims page filtered to anonymous shows no anonymous claims")
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/stories?entity=company:alibaba"),
		chromedp.WaitVisible(chromedp.CSS(`ol.stories`)), screenshot("web-stories")), "stories page")
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`ol.stories li h2 a`)))
	require.NoError(t, err, "open a story")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`.first-report`)), screenshot("web-story")), "story page")
	if reports := count(t, ctx, "ol.claimlist li"); reports < 2 {
		t.Errorf("story page lists %d reports, want the first report and its repeats", reports)
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/claims?source_type=anonymous"), chromedp.WaitVisible(chromedp.CSS(`input[name=entity]`))))
	// The one script: entity fields suggest entities from the API as one
	// types, within the Content-Security-Policy.
	require.NoError(t, chromedp.Do(ctx, chromedp.SendKeys(chromedp.CSS(`input[name=entity]`), "alib")), "type an entity")
	suggestions := 0
	for deadline := time.Now().Add(5 * time.Second); suggestions == 0 && time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		suggestions = count(t, ctx, "#entity-suggestions option")
	}
	if suggestions == 0 {
		t.Errorf("typing alib in the entity field suggested no entity")
	}
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/sources"), chromedp.WaitVisible(chromedp.CSS(`form.login`)), screenshot("web-login"),
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2)),
		chromedp.Navigate(base+"/search?q=alibaba"), chromedp.WaitVisible(chromedp.CSS(`li.hit`)), screenshot("web-search-phone"),
		chromedp.Navigate(base+"/documents/nothing-here"), screenshot("web-not-found"),
		chromedp.Navigate(base+"/entities/company:alibaba"), chromedp.WaitVisible(chromedp.CSS(`svg.chart-svg`)), screenshot("web-entity-phone"),
	), "login and phone pages")
	browseTopics(t, ctx, base, adminKey)
	if errs := consoleErrors(); len(errs) > 0 {
		t.Errorf("the browser reported errors (CSP violations or script errors): %s", strings.Join(errs, "; "))
	}
}

// browseTopics logs in with an admin key, saves a search as a topic and
// reads the topic's Atom feed, as an analyst would.
func browseTopics(t *testing.T, ctx context.Context, base, adminKey string) {
	t.Helper()
	require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/login?next=/search%3Fq%3Dalibaba%2Bcloud"),
		chromedp.WaitVisible(chromedp.CSS(`form.login input[name=key]`)), chromedp.SetValue(chromedp.CSS(`form.login input[name=key]`), adminKey)), "login form")
	_, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(`form.login input[name=key]`)))
	require.NoError(t, err, "log in")
	_, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.Search(`//a[contains(., "Save as topic")]`)))
	require.NoError(t, err, "save the search as a topic")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`form.topicform input[name=name]`)),
		chromedp.SetValue(chromedp.CSS(`form.topicform input[name=name]`), "Alibaba cloud review")), "topic form")
	_, err = chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(`form.topicform input[name=name]`)))
	require.NoError(t, err, "create the topic")
	require.NoError(t, chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS(`a.feed`)), screenshot("web-topic")), "topic page")
	if h1, hits := text(t, ctx, "h1"), count(t, ctx, "li.hit"); h1 != "Alibaba cloud review" || hits == 0 {
		t.Errorf("topic page: heading %q with %d documents in the preview; want the saved topic and the demo's articles", h1, hits)
	}
	atom, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.querySelector("a.feed").href).then(r => r.text())`, chromedp.EvalAwaitPromise))
	require.NoError(t, err, "read the Atom feed")
	if !strings.Contains(atom, "<feed") || !strings.Contains(atom, "Alibaba cloud review") {
		t.Errorf("the topic's Atom feed = %.300q; want an Atom feed titled after the topic", atom)
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/topics"), chromedp.WaitVisible(chromedp.CSS(`ul.topics`)), screenshot("web-topics")), "topics page")
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/sources"), chromedp.WaitVisible(chromedp.CSS(`main h1`)), screenshot("web-sources")), "sources page")
	if h1, rows := text(t, ctx, "main h1"), count(t, ctx, "table.sources tbody tr"); h1 != "Sources" || rows != 2 {
		t.Errorf("sources page with an admin key shows %q with %d sources, want the two feeds", h1, rows)
	}
}
