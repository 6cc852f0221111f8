package deliver

import (
	"bytes"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// message is one e-mail ready to submit.
type message struct {
	From, To        *mail.Address
	Subject         string
	Date            time.Time
	MessageID       string // without angle brackets
	ListUnsubscribe []string
	HTML, Text      []byte
}

// bytes returns the message in RFC 5322 form with CRLF line ends: the
// headers, then a multipart/alternative body with the plain-text and HTML
// parts, each quoted-printable (so no line is over 76 characters).
func (m *message) bytes() ([]byte, error) {
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, part := range []struct {
		ctype string
		data  []byte
	}{{"text/plain; charset=utf-8", m.Text}, {"text/html; charset=utf-8", m.HTML}} {
		h := textproto.MIMEHeader{}
		h.Set("Content-Type", part.ctype)
		h.Set("Content-Transfer-Encoding", "quoted-printable")
		w, err := mw.CreatePart(h)
		if err != nil {
			return nil, fmt.Errorf("mime part: %w", err)
		}
		qp := quotedprintable.NewWriter(w)
		if _, err := qp.Write(crlf(part.data)); err != nil {
			return nil, fmt.Errorf("mime part: %w", err)
		}
		if err := qp.Close(); err != nil {
			return nil, fmt.Errorf("mime part: %w", err)
		}
	}
	if err := mw.Close(); err != nil {
		return nil, fmt.Errorf("mime: %w", err)
	}
	var out bytes.Buffer
	header := func(k, v string) { out.WriteString(k + ": " + v + "\r\n") }
	header("From", m.From.String())
	header("To", m.To.String())
	// Encoded words are folded one to a line, keeping lines near 78.
	header("Subject", strings.ReplaceAll(mime.QEncoding.Encode("utf-8", m.Subject), "?= =?", "?=\r\n =?"))
	header("Date", m.Date.Format(time.RFC1123Z))
	header("Message-ID", "<"+m.MessageID+">")
	header("MIME-Version", "1.0")
	if len(m.ListUnsubscribe) > 0 {
		header("List-Unsubscribe", "<"+strings.Join(m.ListUnsubscribe, ">,\r\n <")+">")
		header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")
	}
	header("Auto-Submitted", "auto-generated")
	header("Content-Type", "multipart/alternative;\r\n boundary=\""+mw.Boundary()+"\"")
	out.WriteString("\r\n")
	out.Write(body.Bytes())
	return out.Bytes(), nil
}

// crlf turns every line end of b into CRLF, which quoted-printable keeps as
// a hard line break.
func crlf(b []byte) []byte {
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(b, []byte("\n"), []byte("\r\n"))
}

// buildMessage makes the e-mail of a delivery to address to.
func (d *Deliverer) buildMessage(e Entry, p payload, to *mail.Address, token string) (*message, error) {
	from, err := mail.ParseAddress(d.opts.SMTP.From)
	if err != nil {
		return nil, fmt.Errorf("digest.smtp.from %q: %w", d.opts.SMTP.From, err)
	}
	unsub, err := d.unsubscribeLinks(token)
	if err != nil {
		return nil, err
	}
	v := newMailView(e, p, unsub[0])
	html, text, err := render(v)
	if err != nil {
		return nil, err
	}
	return &message{
		From: from, To: to, Subject: v.Subject, Date: d.opts.Now(),
		MessageID: e.ID + "@" + domainOf(from.Address), ListUnsubscribe: unsub, HTML: html, Text: text,
	}, nil
}

// unsubscribeLinks returns the https link to the unsubscribe page with the
// subscription's token, and a mailto link when one is configured.
func (d *Deliverer) unsubscribeLinks(token string) ([]string, error) {
	if d.opts.BaseURL == "" {
		return nil, fmt.Errorf("digest.base_url is not set, so the e-mail could carry no unsubscribe link")
	}
	if token == "" {
		return nil, fmt.Errorf("the subscription has no unsubscribe token")
	}
	links := []string{strings.TrimRight(d.opts.BaseURL, "/") + UnsubscribePath + "?token=" + url.QueryEscape(token)}
	if m := d.opts.SMTP.UnsubscribeMailto; m != "" {
		if a, err := mail.ParseAddress(m); err == nil {
			links = append(links, "mailto:"+a.Address+"?subject="+url.PathEscape("unsubscribe "+token))
		}
	}
	return links, nil
}

// domainOf returns the domain of an address, for Message-IDs.
func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 && i < len(addr)-1 {
		return addr[i+1:]
	}
	return "newsintel.invalid"
}
