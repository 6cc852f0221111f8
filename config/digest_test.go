package config

import (
	"strings"
	"testing"
)

func TestValidateDigest(t *testing.T) {
	mail := func(d *Digest) {
		d.BaseURL = "https://news.example.org"
		d.SMTP.Host, d.SMTP.From = "smtp.example.org", "Digests <digests@example.org>"
		d.SMTP.Username, d.SMTP.Password = "digests", "s3cret"
	}
	cases := []struct {
		name string
		edit func(*Digest)
		want string // "" for valid
	}{
		{"defaults (no e-mail)", func(*Digest) {}, ""},
		{"e-mail configured", mail, ""},
		{"local relay in clear", func(d *Digest) {
			mail(d)
			d.SMTP.Host, d.SMTP.StartTLS = "127.0.0.1", StartTLSNone
		}, ""},
		{"password in clear to a remote host", func(d *Digest) { mail(d); d.SMTP.StartTLS = StartTLSNone }, "digest.smtp.starttls"},
		{"unknown starttls mode", func(d *Digest) { d.SMTP.StartTLS = "maybe" }, "digest.smtp.starttls"},
		{"host without base url", func(d *Digest) { mail(d); d.BaseURL = "" }, "digest.base_url"},
		{"base url with a query", func(d *Digest) { d.BaseURL = "https://x.org/?a=1" }, "digest.base_url"},
		{"bad from", func(d *Digest) { mail(d); d.SMTP.From = "digests" }, "digest.smtp.from"},
		{"bad port", func(d *Digest) { mail(d); d.SMTP.Port = 0 }, "digest.smtp.port"},
		{"host with its port", func(d *Digest) { mail(d); d.SMTP.Host = "smtp.example.org:465" }, "digest.smtp.host"},
		{"host as a URL", func(d *Digest) { mail(d); d.SMTP.Host = "smtps://smtp.example.org" }, "digest.smtp.host"},
		{"host in brackets", func(d *Digest) { mail(d); d.SMTP.Host = "[2001:db8::25]" }, "digest.smtp.host"},
		{"IPv6 host", func(d *Digest) { mail(d); d.SMTP.Host = "2001:db8::25" }, ""},
		{"implicit TLS on the default port", func(d *Digest) { mail(d); d.SMTP.StartTLS = StartTLSImplicit }, "digest.smtp.port"},
		{"implicit TLS on 465", func(d *Digest) { mail(d); d.SMTP.StartTLS, d.SMTP.Port = StartTLSImplicit, 465 }, ""},
		{"STARTTLS on 465", func(d *Digest) { mail(d); d.SMTP.Port = 465 }, "digest.smtp.port"},
		{"STARTTLS on another port", func(d *Digest) { mail(d); d.SMTP.Port = 2587 }, ""},
		{"password without user", func(d *Digest) { d.SMTP.Password = "x" }, "digest.smtp.username"},
		{"bad mailto", func(d *Digest) { d.SMTP.UnsubscribeMailto = "nobody" }, "digest.smtp.unsubscribe_mailto"},
		{"no attempts", func(d *Digest) { d.MaxAttempts = 0 }, "digest.max_attempts"},
		{"retry max below base", func(d *Digest) { d.RetryMax = Duration(1e9) }, "digest.retry_max"},
		{"webhook timeout", func(d *Digest) { d.Webhook.Timeout = 0 }, "digest.webhook.timeout"},
		{"concurrency", func(d *Digest) { d.Concurrency = 0 }, "digest.concurrency"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := Default()
			c.edit(&cfg.Digest)
			checkValidation(t, cfg, c.want)
		})
	}
}

func TestDigestPasswordRedacted(t *testing.T) {
	c := Default()
	if err := c.ApplyEnv([]string{"NEWSINTEL_DIGEST_SMTP_PASSWORD=hunter2", "NEWSINTEL_DIGEST_SMTP_USERNAME=ops"}); err != nil {
		t.Fatal(err)
	}
	if c.Digest.SMTP.Password != "hunter2" {
		t.Fatalf("password %q, want it set from the environment", c.Digest.SMTP.Password)
	}
	if s := c.String(); strings.Contains(s, "hunter2") || !strings.Contains(s, "REDACTED") {
		t.Errorf("String() does not redact the SMTP password:\n%s", s)
	}
}
