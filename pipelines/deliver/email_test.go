package deliver_test

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"encoding/json"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/http"
	"net/http/httptest"
	netmail "net/mail"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/api"
	"github.com/newsintel/newsintel/config"
	"github.com/newsintel/newsintel/pipelines/deliver"
	"github.com/newsintel/newsintel/pipelines/digest"
)

// received is an e-mail as a mail client reads it.
type received struct {
	msg        *netmail.Message
	text, html string
	partTypes  []string
	encodings  []string
}

// parseMail reads a message with net/mail and its multipart/alternative
// body with mime/multipart, decoding each quoted-printable part.
func parseMail(t *testing.T, data []byte) received {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(data))
	require.NoError(t, err)
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/alternative", mt)
	r := received{msg: msg}
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		ct, _, _ := mime.ParseMediaType(p.Header.Get("Content-Type"))
		r.partTypes = append(r.partTypes, ct)
		r.encodings = append(r.encodings, p.Header.Get("Content-Transfer-Encoding"))
		body, err := io.ReadAll(quotedprintable.NewReader(p))
		require.NoError(t, err)
		switch ct {
		case "text/plain":
			r.text = string(body)
		case "text/html":
			r.html = string(body)
		}
	}
	return r
}

// TestEmailDeliveredOnceAndUnsubscribed sends a digest to a real SMTP
// server (STARTTLS, AUTH PLAIN), checks what arrived as a mail client
// reads it, asks again for the same period (nothing is sent), lists the
// delivery through the API, and follows the unsubscribe link against the
// API until the subscription is inactive.
func TestEmailDeliveredOnceAndUnsubscribed(t *testing.T) {
	f := newFixture(t)
	ms := startMailServer(t, nil)
	var handler http.Handler
	apiSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { handler.ServeHTTP(w, r) }))
	t.Cleanup(apiSrv.Close)
	d := f.deliverer(t, deliver.Options{BaseURL: apiSrv.URL, SMTP: smtpOptions(t, ms.Addr, ms.Pool)})
	const adminKey = "test-admin-key"
	handler = api.New(api.Options{Deliveries: d, Unsubscribe: f.store, Access: api.Access{
		Keys: []api.Key{{Name: "ops", Hash: api.HashKey(adminKey), Scopes: []string{api.ScopeAdmin}}}}})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	dg := testDigest(f)
	period := digest.PeriodName(dg.Since, dg.Until)

	got, err := d.Deliver(t.Context(), f.topic, sub, dg, period)
	require.NoError(t, err)
	require.Equal(t, newsintel.DeliverySent, got.State, "attempts: %+v", got.Attempts)
	require.Len(t, got.Attempts, 1)
	if a := got.Attempts[0]; a.Status != 250 || a.Error != "" {
		t.Errorf("attempt = %+v, want SMTP 250 and no error", a)
	}
	mails := ms.Mails()
	require.Len(t, mails, 1)
	m := mails[0]
	if !m.TLS || !m.Authed || m.From != "digests@news.example.org" || m.To != "ana@example.org" {
		t.Errorf("envelope: tls %v auth %v from %q to %q; want tls, auth, digests@news.example.org to ana@example.org", m.TLS, m.Authed, m.From, m.To)
	}
	r := parseMail(t, m.Data)
	checkHeaders(t, r.msg, got.ID, apiSrv.URL)
	checkBodies(t, r, apiSrv.URL)
	checkSameText(t, r, f.topic, dg)
	checkLineLengths(t, m.Data)

	again, err := d.Deliver(t.Context(), f.topic, sub, dg, period)
	require.NoError(t, err)
	if again.State != newsintel.DeliverySent || len(again.Attempts) != 1 || len(ms.Mails()) != 1 {
		t.Errorf("second Deliver of the period: state %s, %d attempts, %d mails; want sent, 1, 1 (nothing sent again)", again.State, len(again.Attempts), len(ms.Mails()))
	}
	checkDeliveriesAPI(t, apiSrv.URL, f.topic.ID, adminKey, got.ID)
	followUnsubscribe(t, f, r.msg, sub.ID)

	inactive := activeOf(t, f, sub.ID)
	_, err = d.Deliver(t.Context(), f.topic, inactive, dg, "2026-12-01T06:30:00Z/2026-12-02T06:30:00Z")
	if newsintel.ErrorCode(err) != newsintel.ECONFLICT {
		t.Errorf("Deliver to an unsubscribed subscription: got %v, want a conflict error", err)
	}
}

func checkHeaders(t *testing.T, msg *netmail.Message, id, apiURL string) {
	t.Helper()
	h := msg.Header
	subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject"))
	require.NoError(t, err)
	if !strings.HasPrefix(h.Get("Subject"), "=?utf-8?") || !strings.HasPrefix(subject, "Alibaba cloud & US regulators — Übersicht — ") {
		t.Errorf("Subject %q (decoded %q), want RFC 2047 encoded, starting with the topic name", h.Get("Subject"), subject)
	}
	from, err := h.AddressList("From")
	require.NoError(t, err)
	if from[0].Name != "Newsintel Digests" || from[0].Address != "digests@news.example.org" {
		t.Errorf("From %+v, want Newsintel Digests <digests@news.example.org>", from[0])
	}
	if to, err := h.AddressList("To"); err != nil || to[0].Address != "ana@example.org" {
		t.Errorf("To %v (%v), want ana@example.org", h.Get("To"), err)
	}
	if date, err := h.Date(); err != nil || !date.Equal(newClock().Now()) {
		t.Errorf("Date %q (%v), want %v", h.Get("Date"), err, newClock().Now())
	}
	if got, want := h.Get("Message-ID"), "<"+id+"@news.example.org>"; got != want {
		t.Errorf("Message-ID %q, want %q", got, want)
	}
	if h.Get("MIME-Version") != "1.0" {
		t.Errorf("MIME-Version %q, want 1.0", h.Get("MIME-Version"))
	}
	if got := h.Get("List-Unsubscribe"); !strings.HasPrefix(got, "<"+apiURL+deliver.UnsubscribePath+"?token=") {
		t.Errorf("List-Unsubscribe %q, want <%s/unsubscribe?token=…>", got, apiURL)
	}
	if got := h.Get("List-Unsubscribe-Post"); got != "List-Unsubscribe=One-Click" {
		t.Errorf("List-Unsubscribe-Post %q, want List-Unsubscribe=One-Click", got)
	}
}

func checkBodies(t *testing.T, r received, apiURL string) {
	t.Helper()
	if strings.Join(r.partTypes, ",") != "text/plain,text/html" || strings.Join(r.encodings, ",") != "quoted-printable,quoted-printable" {
		t.Errorf("parts %v encoded %v, want text/plain and text/html, quoted-printable", r.partTypes, r.encodings)
	}
	flat := strings.Join(strings.Fields(r.text), " ") // the text is wrapped
	for _, want := range []string{
		"US weighs curbs on Alibaba's cloud unit", "https://news.example.com/alibaba-cloud",
		"Also reported by 2 outlets: Associated Press, CNBC",
		"[ANONYMOUS SOURCE: people familiar with the matter (3 sources)] the review could lead to a ban",
		`"We comply with all laws"`, "Jane Doe, Alibaba, said", "FILINGS", "Alibaba Group 20-F",
		"Alibaba Group (company): 12 documents, against 2.5 usually", "Unsubscribe: " + apiURL + "/unsubscribe?token=",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("plain text lacks %q:\n%s", want, r.text)
		}
	}
	for _, want := range []string{
		`<a href="https://news.example.com/alibaba-cloud"`, "Also reported by 2 outlets: Associated Press, CNBC",
		"Anonymous source: people familiar with the matter (3 sources)", "Cloud &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; rivals react",
		`href="` + apiURL + `/unsubscribe?token=`, "Mentioned more than usual",
	} {
		if !strings.Contains(r.html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, r.html)
		}
	}
	if strings.Contains(r.html, "<script>") || strings.Contains(r.html, "javascript:") {
		t.Errorf("HTML carries crawled markup or a javascript: link:\n%s", r.html)
	}
}

// checkSameText holds the e-mail's text part to what WriteText prints
// for `digest run --dry-run`, followed by the unsubscribe footer.
func checkSameText(t *testing.T, r received, topic newsintel.Topic, dg *newsintel.Digest) {
	t.Helper()
	var b strings.Builder
	require.NoError(t, deliver.WriteText(&b, topic, dg))
	text := strings.ReplaceAll(r.text, "\r\n", "\n")
	if body, footer, ok := strings.Cut(text, "\n--\n"); !ok || body != b.String() || !strings.HasPrefix(footer, "You receive this") {
		t.Errorf("e-mail text part:\n%s\nwant WriteText's digest:\n%s\nand then the footer", text, b.String())
	}
}

// checkLineLengths holds the message to RFC 5322's 78-character lines
// (headers may fold; none passes 998).
func checkLineLengths(t *testing.T, data []byte) {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(data, []byte("\r\n"), nil), []byte("\n")) {
		t.Error("the message has a bare LF line end")
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if n := len(strings.TrimSuffix(sc.Text(), "\r")); n > 998 || (n > 78 && !strings.Contains(sc.Text(), ": ")) {
			t.Errorf("line of %d characters: %q", n, sc.Text())
		}
	}
}

func checkDeliveriesAPI(t *testing.T, apiURL, topicID, key, id string) {
	t.Helper()
	u := apiURL + "/api/v1/topics/" + topicID + "/deliveries"
	resp, err := http.Get(u)
	require.NoError(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("deliveries without a key: HTTP %d, want 401 (they show addresses)", resp.StatusCode)
	}
	req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, u, nil)
	req.Header.Set("Authorization", "Bearer "+key)
	resp, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var page struct {
		Deliveries []deliver.Entry `json:"deliveries"`
		Total      int             `json:"total"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&page))
	require.Equal(t, 1, page.Total)
	e := page.Deliveries[0]
	if e.ID != id || e.State != newsintel.DeliverySent || e.Target != "ana@example.org" || len(e.Attempts) != 1 || e.Attempts[0].Status != 250 {
		t.Errorf("listed delivery %+v, want %s sent to ana@example.org with one 250 attempt", e, id)
	}
}

var linkRE = regexp.MustCompile(`<([^>]+)>`)

// followUnsubscribe opens the List-Unsubscribe link (a confirm page that
// changes nothing) and posts to it as a one-click mail client does.
func followUnsubscribe(t *testing.T, f *fixture, msg *netmail.Message, subID string) {
	t.Helper()
	link := linkRE.FindStringSubmatch(msg.Header.Get("List-Unsubscribe"))[1]
	resp, err := http.Get(link)
	require.NoError(t, err)
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), `<form method="post">`) {
		t.Errorf("GET unsubscribe link: HTTP %d %q, want 200 with a confirm form", resp.StatusCode, page)
	}
	require.True(t, activeOf(t, f, subID).Active, "GET must not unsubscribe (mail scanners follow links)")
	resp, err = http.Post(link, "application/x-www-form-urlencoded", strings.NewReader("List-Unsubscribe=One-Click"))
	require.NoError(t, err)
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "Unsubscribed") {
		t.Errorf("POST unsubscribe link: HTTP %d %q, want 200 Unsubscribed", resp.StatusCode, page)
	}
	if activeOf(t, f, subID).Active {
		t.Error("the subscription is still active after the one-click POST")
	}
	resp, err = http.Post(link+"x", "application/x-www-form-urlencoded", nil)
	require.NoError(t, err)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Errorf("POST with a wrong token: HTTP %d, want 404", resp.StatusCode)
	}
}

// activeOf returns subscription id of the fixture's topic as stored.
func activeOf(t *testing.T, f *fixture, id string) newsintel.Subscription {
	t.Helper()
	subs, err := f.store.Subscriptions(t.Context(), f.topic.ID)
	require.NoError(t, err)
	for _, s := range subs {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no subscription %s", id)
	return newsintel.Subscription{}
}

// TestEmailHeadersResistInjection gives the topic a name with a line
// break and a header: it must stay inside the Subject.
func TestEmailHeadersResistInjection(t *testing.T) {
	f := newFixture(t)
	ms := startMailServer(t, nil)
	d := f.deliverer(t, deliver.Options{SMTP: smtpOptions(t, ms.Addr, ms.Pool)})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	topic := f.topic
	topic.Name = "Evil\r\nBcc: victim@example.net\r\n\r\nbody"
	got, err := d.Deliver(t.Context(), topic, sub, testDigest(f), "p1")
	require.NoError(t, err)
	require.Equal(t, newsintel.DeliverySent, got.State, "attempts: %+v", got.Attempts)
	r := parseMail(t, ms.Mails()[0].Data)
	if bcc := r.msg.Header.Get("Bcc"); bcc != "" {
		t.Errorf("Bcc header %q injected through the topic name", bcc)
	}
	s, err := new(mime.WordDecoder).DecodeHeader(r.msg.Header.Get("Subject"))
	if err != nil || !strings.HasPrefix(s, "Evil Bcc: victim@example.net body") {
		t.Errorf("Subject %q (%v), want the name on one line", s, err)
	}
}

// TestEmailImplicitTLS submits over TLS from the first byte (SMTPS).
func TestEmailImplicitTLS(t *testing.T) {
	f := newFixture(t)
	cert, pool := testCert(t)
	l, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	require.NoError(t, err)
	ms := startMailServer(t, l)
	o := smtpOptions(t, ms.Addr, pool)
	o.StartTLS = config.StartTLSImplicit
	d := f.deliverer(t, deliver.Options{SMTP: o})
	sub := f.subscribe(t, newsintel.Subscription{Channel: newsintel.ChannelEmail, Email: "ana@example.org"})
	got, err := d.Deliver(t.Context(), f.topic, sub, testDigest(f), "p1")
	require.NoError(t, err)
	if got.State != newsintel.DeliverySent || len(ms.Mails()) != 1 || !ms.Mails()[0].TLS {
		t.Errorf("state %s, attempts %+v, %d mails; want sent, one mail over TLS", got.State, got.Attempts, len(ms.Mails()))
	}
}
