package config

import (
	"net"
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"
)

// STARTTLS modes of digest.smtp.starttls.
const (
	StartTLSRequired = "required" // upgrade with STARTTLS; refuse to send when the server does not offer it
	StartTLSImplicit = "implicit" // TLS from the first byte (SMTPS, usually port 465)
	StartTLSNone     = "none"     // plain text: only for a relay on the same host or network
)

// Digest configures the delivery of topic digests and alerts by e-mail and
// webhook: retries, concurrency, the SMTP server and the webhook client.
type Digest struct {
	BaseURL     string        `yaml:"base_url"`     // public URL of the API, for links in e-mails (unsubscribe); required to send e-mail
	MaxAttempts int           `yaml:"max_attempts"` // tries per delivery before it is given up
	RetryBase   Duration      `yaml:"retry_base"`   // wait after the first failure; doubles after each, with jitter
	RetryMax    Duration      `yaml:"retry_max"`    // longest wait between tries
	Concurrency int           `yaml:"concurrency"`  // deliveries in flight at once
	SMTP        DigestSMTP    `yaml:"smtp"`
	Webhook     DigestWebhook `yaml:"webhook"`
}

// DigestSMTP is the SMTP server digests are submitted to.
type DigestSMTP struct {
	Host              string   `yaml:"host"` // empty: e-mail subscriptions fail with an error saying so
	Port              int      `yaml:"port"`
	Username          string   `yaml:"username"` // AUTH PLAIN; empty sends without authenticating
	Password          string   `yaml:"password"` // redacted when printed
	From              string   `yaml:"from"`     // "Newsintel Digests <digests@example.org>"
	StartTLS          string   `yaml:"starttls"` // required, implicit or none
	Timeout           Duration `yaml:"timeout"`  // one whole submission, connection included
	UnsubscribeMailto string   `yaml:"unsubscribe_mailto"`
}

// DigestWebhook configures the client webhooks are posted with.
type DigestWebhook struct {
	Timeout      Duration `yaml:"timeout"`       // one POST, response included
	AllowPrivate bool     `yaml:"allow_private"` // let webhooks reach loopback and private addresses
}

// defaultDigest returns the digest defaults: no SMTP server, 8 tries from
// 1 minute to 6 hours apart, 8 deliveries at once.
func defaultDigest() Digest {
	return Digest{
		MaxAttempts: 8,
		RetryBase:   Duration(time.Minute),
		RetryMax:    Duration(6 * time.Hour),
		Concurrency: 8,
		SMTP:        DigestSMTP{Port: 587, StartTLS: StartTLSRequired, Timeout: Duration(30 * time.Second)},
		Webhook:     DigestWebhook{Timeout: Duration(15 * time.Second)},
	}
}

func (c *Config) validateDigest(bad badFunc) {
	d := c.Digest
	if d.BaseURL != "" {
		if u, err := url.Parse(d.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
			bad("digest.base_url", "%q is not an http or https URL without a query, such as https://news.example.org", d.BaseURL)
		}
	}
	if d.MaxAttempts < 1 || d.MaxAttempts > 100 {
		bad("digest.max_attempts", "%d is not between 1 and 100", d.MaxAttempts)
	}
	if d.RetryBase < Duration(time.Second) {
		bad("digest.retry_base", "%s is below 1s", d.RetryBase)
	}
	if d.RetryMax < d.RetryBase {
		bad("digest.retry_max", "%s is below digest.retry_base (%s)", d.RetryMax, d.RetryBase)
	}
	if d.Concurrency < 1 || d.Concurrency > 256 {
		bad("digest.concurrency", "%d is not between 1 and 256", d.Concurrency)
	}
	c.validateSMTP(bad)
	if d.Webhook.Timeout < Duration(time.Second) {
		bad("digest.webhook.timeout", "%s is below 1s", d.Webhook.Timeout)
	}
}

func (c *Config) validateSMTP(bad badFunc) {
	s := c.Digest.SMTP
	if !slices.Contains([]string{StartTLSRequired, StartTLSImplicit, StartTLSNone}, s.StartTLS) {
		bad("digest.smtp.starttls", "%q is not one of required, implicit, none", s.StartTLS)
	}
	if s.Timeout < Duration(time.Second) {
		bad("digest.smtp.timeout", "%s is below 1s", s.Timeout)
	}
	if s.Password != "" && s.Username == "" {
		bad("digest.smtp.username", "is empty but digest.smtp.password is set")
	}
	if s.UnsubscribeMailto != "" {
		if _, err := mail.ParseAddress(s.UnsubscribeMailto); err != nil {
			bad("digest.smtp.unsubscribe_mailto", "%q is not an e-mail address", s.UnsubscribeMailto)
		}
	}
	if strings.TrimSpace(s.Host) == "" {
		return // e-mail is off; the rest only matters with a server
	}
	// The dialer joins host and port itself: "smtp.example.org:465" or a
	// URL here would be dialled as a name that resolves nowhere, and every
	// e-mail would fail until given up.
	if strings.ContainsAny(s.Host, ":/[] ") && net.ParseIP(s.Host) == nil {
		bad("digest.smtp.host", "%q is not a host name or IP address; give the port in digest.smtp.port and the TLS mode in digest.smtp.starttls", s.Host)
	}
	if s.Port < 1 || s.Port > 65535 {
		bad("digest.smtp.port", "%d is not between 1 and 65535", s.Port)
	}
	// The two submission ports each speak one way (RFC 8314): TLS first on
	// 465, STARTTLS on 587. Crossed, every e-mail fails, on 465 only after
	// the timeout.
	switch {
	case s.StartTLS == StartTLSImplicit && s.Port == 587:
		bad("digest.smtp.port", "is 587, the STARTTLS port, but digest.smtp.starttls is implicit; implicit TLS is port 465")
	case s.StartTLS == StartTLSRequired && s.Port == 465:
		bad("digest.smtp.port", "is 465, the implicit TLS port, but digest.smtp.starttls is required; set it to implicit, or the port to 587")
	}
	if _, err := mail.ParseAddress(s.From); err != nil {
		bad("digest.smtp.from", "%q is not an address such as \"Digests <digests@example.org>\" (needed when digest.smtp.host is set)", s.From)
	}
	if c.Digest.BaseURL == "" {
		bad("digest.base_url", "must be set when digest.smtp.host is: every e-mail carries an unsubscribe link under it")
	}
	if s.StartTLS == StartTLSNone && s.Username != "" && !loopbackHost(s.Host) {
		bad("digest.smtp.starttls", "is none, which would send the password of %q in clear to %s; use required or implicit", s.Username, s.Host)
	}
}

// loopbackHost reports whether host names this machine.
func loopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
