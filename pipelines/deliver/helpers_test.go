package deliver_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/stretchr/testify/require"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/pipelines"
	"github.com/newsintel/newsintel/pipelines/deliver"
	"github.com/newsintel/newsintel/pipelines/digest"
	"github.com/newsintel/newsintel/pipelines/pipelinestest"
)

func testLogger() *slog.Logger { return pipelinestest.Logger() }

// startNATS starts an embedded JetStream server with the topology; it is
// shut down when the test ends.
func startNATS(t testing.TB) *pipelines.Server { return pipelinestest.Server(t) }

// connect connects a new bus (as a new process would); it is closed when
// the test ends.
func connect(t testing.TB, srv *pipelines.Server) *pipelines.Bus {
	return pipelinestest.Connect(t, srv)
}

// clock is a settable time source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock() *clock { return &clock{t: time.Date(2026, 12, 1, 7, 30, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var certOnce struct {
	sync.Once
	cert tls.Certificate
	pool *x509.CertPool
	err  error
}

// testCert returns a self-signed certificate for 127.0.0.1 and localhost,
// and a pool that trusts it, the same for every test of the binary.
func testCert(t testing.TB) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	certOnce.Do(func() { certOnce.cert, certOnce.pool, certOnce.err = makeCert() })
	require.NoError(t, certOnce.err)
	return certOnce.cert, certOnce.pool
}

func makeCert() (tls.Certificate, *x509.CertPool, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "newsintel test SMTP"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, DNSNames: []string{"localhost"},
		KeyUsage: x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IsCA: true, BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, pool, nil
}

// SMTP credentials of the test server.
const (
	smtpUser = "digests"
	smtpPass = "correct horse battery staple"
)

// mail is one message the test SMTP server accepted.
type mail struct {
	From, To string
	TLS      bool // the session was encrypted
	Authed   bool
	Data     []byte
}

// mailServer is a real SMTP server (go-smtp) with STARTTLS and AUTH PLAIN
// that keeps what it accepts.
type mailServer struct {
	Addr string
	Pool *x509.CertPool

	mu      sync.Mutex
	mails   []mail
	rcptErr error // when set, RCPT TO answers it
}

// startMailServer serves SMTP on l (a new loopback listener when nil)
// until the test ends.
func startMailServer(t testing.TB, l net.Listener) *mailServer {
	t.Helper()
	if l == nil {
		var err error
		l, err = net.Listen("tcp", "127.0.0.1:0")
		require.NoError(t, err)
	}
	cert, pool := testCert(t)
	ms := &mailServer{Addr: l.Addr().String(), Pool: pool}
	s := smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		_, tlsOn := c.TLSConnectionState()
		return &mailSession{srv: ms, tls: tlsOn}, nil
	}))
	s.Domain, s.TLSConfig = "localhost", &tls.Config{Certificates: []tls.Certificate{cert}}
	s.ReadTimeout, s.WriteTimeout = 10*time.Second, 10*time.Second
	s.AllowInsecureAuth = false // AUTH only after STARTTLS
	go func() { _ = s.Serve(l) }()
	t.Cleanup(func() { _ = s.Close() })
	return ms
}

func (ms *mailServer) Mails() []mail {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	return append([]mail(nil), ms.mails...)
}

func (ms *mailServer) setRcptErr(err error) {
	ms.mu.Lock()
	defer ms.mu.Unlock()
	ms.rcptErr = err
}

// mailSession records one SMTP session's message.
type mailSession struct {
	srv    *mailServer
	tls    bool
	authed bool
	m      mail
}

func (s *mailSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (s *mailSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != smtpUser || pass != smtpPass {
			return errors.New("invalid credentials")
		}
		s.authed = true
		return nil
	}), nil
}

func (s *mailSession) Mail(from string, _ *smtp.MailOptions) error {
	if !s.authed {
		return &smtp.SMTPError{Code: 530, EnhancedCode: smtp.EnhancedCode{5, 7, 0}, Message: "authentication required"}
	}
	s.m = mail{From: from, TLS: s.tls, Authed: s.authed}
	return nil
}

func (s *mailSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	s.srv.mu.Lock()
	err := s.srv.rcptErr
	s.srv.mu.Unlock()
	if err != nil {
		return err
	}
	s.m.To = to
	return nil
}

func (s *mailSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	s.m.Data = data
	s.srv.mu.Lock()
	s.srv.mails = append(s.srv.mails, s.m)
	s.srv.mu.Unlock()
	return nil
}

func (s *mailSession) Reset()        {}
func (s *mailSession) Logout() error { return nil }

// hook is a webhook receiver that records each request and answers with
// the status its respond function returns (200 when nil).
type hook struct {
	URL     string
	mu      sync.Mutex
	reqs    []hookRequest
	respond func(n int, w http.ResponseWriter) // n counts requests from 1
}

type hookRequest struct {
	Header http.Header
	Body   []byte
}

func startHook(t testing.TB, respond func(n int, w http.ResponseWriter)) *hook {
	t.Helper()
	h := &hook{respond: respond}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		h.reqs = append(h.reqs, hookRequest{Header: r.Header.Clone(), Body: body})
		n := len(h.reqs)
		h.mu.Unlock()
		if h.respond != nil {
			h.respond(n, w)
		}
	}))
	t.Cleanup(srv.Close)
	h.URL = srv.URL + "/hooks/newsintel"
	return h
}

func (h *hook) Requests() []hookRequest {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]hookRequest(nil), h.reqs...)
}

// fixture is a topic with its store on a running NATS server.
type fixture struct {
	srv   *pipelines.Server
	bus   *pipelines.Bus
	store *digest.Store
	topic newsintel.Topic
	clock *clock
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	f := &fixture{srv: startNATS(t), clock: newClock()}
	f.bus = connect(t, f.srv)
	var err error
	f.store, err = digest.NewStore(t.Context(), f.bus)
	require.NoError(t, err)
	f.topic, err = f.store.CreateTopic(t.Context(), newsintel.Topic{
		Name:     "Alibaba cloud & US regulators — Übersicht",
		Query:    newsintel.TopicQuery{Q: "alibaba cloud"},
		Schedule: newsintel.Schedule{Every: newsintel.EveryDay, At: "07:30", TimeZone: "Europe/Berlin"},
		Options:  newsintel.TopicOptions{IncludeClaims: true},
	})
	require.NoError(t, err)
	return f
}

// subscribe adds a subscription to the fixture's topic.
func (f *fixture) subscribe(t testing.TB, s newsintel.Subscription) newsintel.Subscription {
	t.Helper()
	s, err := f.store.AddSubscription(t.Context(), f.topic.ID, s)
	require.NoError(t, err)
	return s
}

// deliverer returns a Deliverer on a new connection with the fixture's
// clock, sending e-mail to ms (nil: to an address nothing listens on is
// the caller's to set in o).
func (f *fixture) deliverer(t testing.TB, o deliver.Options) *deliver.Deliverer {
	t.Helper()
	o.Now, o.Subscriptions = f.clock.Now, f.store
	if o.Log == nil {
		o.Log = testLogger()
	}
	if o.SMTP.From == "" {
		o.SMTP.From = "Newsintel Digests <digests@news.example.org>"
	}
	if o.BaseURL == "" {
		o.BaseURL = "https://news.example.org"
	}
	d, err := deliver.New(t.Context(), connect(t, f.srv), o)
	require.NoError(t, err)
	return d
}

// smtpOptions points a Deliverer at ms with STARTTLS and AUTH.
func smtpOptions(t testing.TB, addr string, pool *x509.CertPool) deliver.SMTPOptions {
	t.Helper()
	host, port, err := net.SplitHostPort(addr)
	require.NoError(t, err)
	p, err := net.LookupPort("tcp", port)
	require.NoError(t, err)
	return deliver.SMTPOptions{Host: host, Port: p, Username: smtpUser, Password: smtpPass, RootCAs: pool, Timeout: 5 * time.Second}
}

// testDigest returns a digest with a folded story, a filing, an anonymous
// and a named claim, and a spike; one title tries to inject HTML.
func testDigest(f *fixture) *newsintel.Digest {
	three := 3
	since := f.clock.Now().Add(-24 * time.Hour)
	return &newsintel.Digest{
		TopicID: f.topic.ID, TopicName: f.topic.Name, Since: since, Until: f.clock.Now(), Generated: f.clock.Now(), Total: 42,
		Documents: []newsintel.DigestEntry{{
			ID: "a1", Kind: newsintel.KindArticle, Title: "US weighs curbs on Alibaba's cloud unit", URL: "https://news.example.com/alibaba-cloud",
			Publisher: "Reuters", Published: since.Add(3 * time.Hour), Summary: "The Commerce Department is reviewing Alibaba's US cloud business.",
			AlsoBy: []string{"Associated Press", "CNBC"},
		}, {
			ID: "a2", Kind: newsintel.KindArticle, Title: `Cloud <script>alert("x")</script> rivals react`, URL: "javascript:alert(1)",
			Publisher: "Example Wire", Published: since.Add(5 * time.Hour),
		}},
		Filings: []newsintel.DigestEntry{{ID: "sec-0001577552-26-000001", Kind: newsintel.KindFiling, Title: "Alibaba Group 20-F", URL: "https://www.sec.gov/Archives/x.htm", Publisher: "SEC"}},
		Claims: []newsintel.DigestClaim{{
			DocumentID: "a1", Title: "US weighs curbs on Alibaba's cloud unit", URL: "https://news.example.com/alibaba-cloud", Publisher: "Reuters",
			Claim: newsintel.Claim{Text: "the review could lead to a ban", Cue: "said", Source: newsintel.Source{
				Type: newsintel.SourceAnonymous, Count: &three, Description: "people familiar with the matter"}},
		}, {
			DocumentID: "a1", Title: "US weighs curbs on Alibaba's cloud unit", Publisher: "Reuters",
			Claim: newsintel.Claim{Text: "We comply with all laws", Quote: true, Cue: "said", Source: newsintel.Source{
				Type: newsintel.SourcePerson, Name: "Jane Doe", Affiliation: "Alibaba"}},
		}},
		Spikes: []newsintel.EntitySpike{{EntityID: "company:alibaba-group", Name: "Alibaba Group", Type: "company", Count: 12, Baseline: 2.5, Ratio: 4.8}},
	}
}
