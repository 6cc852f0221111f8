package deliver

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/mail"
	"strconv"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"

	"github.com/newsintel/newsintel"
	"github.com/newsintel/newsintel/config"
)

// sendEmail renders a delivery's e-mail and submits it.
func (d *Deliverer) sendEmail(ctx context.Context, e Entry, s newsintel.Subscription, p payload) outcome {
	if d.opts.SMTP.Host == "" {
		return outcome{err: errors.New("no SMTP server is configured (digest.smtp.host)")}
	}
	to, err := mail.ParseAddress(s.Email)
	if err != nil {
		return outcome{err: fmt.Errorf("%q is not an e-mail address", s.Email), permanent: true}
	}
	m, err := d.buildMessage(e, p, to, s.Token)
	if err != nil {
		return outcome{err: err, permanent: true}
	}
	data, err := m.bytes()
	if err != nil {
		return outcome{err: err, permanent: true}
	}
	return d.submit(ctx, m.From.Address, to.Address, data)
}

// smtpStage names the step of a submission that failed; a 5xx reply to
// RCPT or DATA refuses this message for good, one to anything before is
// the server's or our configuration's and may pass later.
type smtpStage string

const (
	stageConnect smtpStage = "connect"
	stageTLS     smtpStage = "starttls"
	stageAuth    smtpStage = "auth"
	stageMail    smtpStage = "mail from"
	stageRcpt    smtpStage = "rcpt to"
	stageData    smtpStage = "data"
)

// submit sends one message over SMTP. The connection is closed when ctx
// ends, whatever step it is in.
func (d *Deliverer) submit(ctx context.Context, from, to string, data []byte) outcome {
	o := d.opts.SMTP
	dialer := net.Dialer{Timeout: o.Timeout}
	conn, err := dialer.DialContext(ctx, "tcp", net.JoinHostPort(o.Host, strconv.Itoa(o.Port)))
	stage := stageConnect
	if err == nil {
		stop := context.AfterFunc(ctx, func() { _ = conn.Close() })
		defer stop()
		var c *smtp.Client
		if c, stage, err = d.openSMTP(conn); err == nil {
			defer c.Close()
			if stage, err = d.transact(c, from, to, data); err == nil {
				_ = c.Quit() // the message is accepted; a failed QUIT changes nothing
				return outcome{status: 250}
			}
		}
	}
	if ctx.Err() != nil {
		err = fmt.Errorf("%w (%v)", ctx.Err(), err)
	}
	out := outcome{err: fmt.Errorf("smtp %s:%d %s: %w", o.Host, o.Port, stage, err)}
	var se *smtp.SMTPError
	if errors.As(err, &se) {
		out.status = se.Code
		out.permanent = se.Code >= 500 && (stage == stageRcpt || stage == stageData)
	}
	return out
}

// openSMTP greets the server on conn, upgrades to TLS as configured and
// authenticates.
func (d *Deliverer) openSMTP(conn net.Conn) (*smtp.Client, smtpStage, error) {
	o := d.opts.SMTP
	tlsConfig := &tls.Config{ServerName: o.Host, RootCAs: o.RootCAs, MinVersion: tls.VersionTLS12}
	var c *smtp.Client
	switch o.StartTLS {
	case config.StartTLSImplicit:
		c = smtp.NewClient(tls.Client(conn, tlsConfig))
	case config.StartTLSNone:
		c = smtp.NewClient(conn)
	default:
		var err error
		if c, err = smtp.NewClientStartTLS(conn, tlsConfig); err != nil {
			_ = conn.Close()
			return nil, stageTLS, fmt.Errorf("%w (digest.smtp.starttls is required)", err)
		}
	}
	c.CommandTimeout, c.SubmissionTimeout = o.Timeout, o.Timeout
	if err := d.hello(c); err != nil {
		c.Close()
		return nil, stageConnect, err
	}
	if o.Username != "" {
		if err := c.Auth(sasl.NewPlainClient("", o.Username, o.Password)); err != nil {
			c.Close()
			return nil, stageAuth, err
		}
	}
	return c, stageConnect, nil
}

// hello sends EHLO with the configured name, or the From address's domain.
func (d *Deliverer) hello(c *smtp.Client) error {
	name := d.opts.SMTP.HeloName
	if name == "" {
		if a, err := mail.ParseAddress(d.opts.SMTP.From); err == nil {
			name = domainOf(a.Address)
		}
	}
	return c.Hello(cmpOr(name, "localhost"))
}

// transact runs MAIL, RCPT and DATA.
func (d *Deliverer) transact(c *smtp.Client, from, to string, data []byte) (smtpStage, error) {
	if err := c.Mail(from, nil); err != nil {
		return stageMail, err
	}
	if err := c.Rcpt(to, nil); err != nil {
		return stageRcpt, err
	}
	w, err := c.Data()
	if err != nil {
		return stageData, err
	}
	if _, err := w.Write(data); err != nil {
		_ = w.Close()
		return stageData, err
	}
	return stageData, w.Close()
}
