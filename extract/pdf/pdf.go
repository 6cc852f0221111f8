// Package pdf reads the text of PDF documents page by page, keeping which
// page each stretch of the text came from, so that a search hit in an
// annual report or a notice can cite its page.
//
// The text comes from poppler's pdftotext (Debian package poppler-utils),
// run as a separate process with a timeout: poppler reads real-world PDFs
// (Type 3 and CID fonts, broken cross-reference tables) far better than
// the pure-Go readers, and a crash on hostile input stays in its process.
// When pdftotext is not installed Read returns ErrNoTool, which says how to
// install it.
package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsintel/newsintel"
)

// Errors of Read; each is wrapped with the tool's own words.
var (
	ErrNoTool    = errors.New("pdf: pdftotext not found (install poppler-utils: apt-get install -y poppler-utils)")
	ErrEncrypted = errors.New("pdf: encrypted (password protected)")
	ErrNoText    = errors.New("pdf: no text layer (a scanned document needs OCR)")
	ErrCorrupt   = errors.New("pdf: corrupt or not a PDF")
)

// Timeout bounds one pdftotext run.
const Timeout = 2 * time.Minute

// Result is the text of a PDF.
type Result struct {
	Body     string              // pages' text, paragraphs separated by "\n\n"
	Sections []newsintel.Section // one per page with text: Page, Key "p<N>", offsets into Body
	Pages    int                 // pages in the document, blank ones included
}

// Read extracts the text of the PDF data. It returns ErrNoTool,
// ErrEncrypted, ErrNoText or ErrCorrupt (wrapped) for the documents it
// cannot read. It is safe for concurrent use.
func Read(ctx context.Context, data []byte) (*Result, error) {
	if !bytes.HasPrefix(bytes.TrimLeft(data[:min(len(data), 1024)], "\x00\t\r\n "), []byte("%PDF-")) {
		return nil, fmt.Errorf("%w: no %%PDF- header", ErrCorrupt)
	}
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		return nil, ErrNoTool
	}
	text, err := run(ctx, tool, data)
	if err != nil {
		return nil, err
	}
	res := assemble(strings.Split(text, "\f"))
	if strings.TrimSpace(res.Body) == "" {
		return nil, fmt.Errorf("%w: %d pages without text", ErrNoText, res.Pages)
	}
	return res, nil
}

// run feeds data to pdftotext through a temporary file (it cannot read
// standard input) and returns its UTF-8 output.
func run(ctx context.Context, tool string, data []byte) (string, error) {
	f, err := os.CreateTemp("", "newsintel-*.pdf")
	if err != nil {
		return "", fmt.Errorf("pdf: %w", err)
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", fmt.Errorf("pdf: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, Timeout)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, tool, "-enc", "UTF-8", "-eol", "unix", f.Name(), "-")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", classify(ctx, err, stderr.String(), data)
	}
	return stdout.String(), nil
}

// classify turns a failed run into one of the package's errors.
func classify(ctx context.Context, err error, stderr string, data []byte) error {
	msg := strings.TrimSpace(stderr)
	if len(msg) > 300 {
		msg = msg[:300] + "…"
	}
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("pdf: pdftotext: %w", ctx.Err())
	case strings.Contains(msg, "password") || strings.Contains(msg, "Encrypt") || bytes.Contains(data, []byte("/Encrypt")):
		return fmt.Errorf("%w: %s", ErrEncrypted, msg)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Errorf("%w: pdftotext exit %d: %s", ErrCorrupt, exit.ExitCode(), msg)
	}
	return fmt.Errorf("pdf: pdftotext: %w", err)
}

// pageNumberRe matches a paragraph that is only a page number: "17",
// "- 17 -", "Page 17", "Page 17 of 40", "F-7", "iv".
var pageNumberRe = regexp.MustCompile(`(?i)^(?:-\s*)?(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6}|[a-z]-\d{1,3})(?:\s+of\s+\d{1,4})?(?:\s*-)?$`)

// assemble joins the pages' text into one body and one section per page.
func assemble(pages []string) *Result {
	if n := len(pages); n > 0 && strings.TrimSpace(pages[n-1]) == "" {
		pages = pages[:n-1] // pdftotext ends every page, the last too, with a form feed
	}
	res := &Result{Pages: len(pages)}
	var b strings.Builder
	for i, page := range pages {
		paras := slices.DeleteFunc(paragraphs(page), pageNumberRe.MatchString)
		if len(paras) == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(strings.Join(paras, "\n\n"))
		n := i + 1
		res.Sections = append(res.Sections, newsintel.Section{
			Title: "Page " + strconv.Itoa(n), Key: "p" + strconv.Itoa(n), Page: n, Start: start, End: b.Len(),
		})
	}
	res.Body = b.String()
	return res
}

// paragraphs joins a page's lines into paragraphs, mending words
// hyphenated across a line break. A blank line ends a paragraph, and so
// does a line much shorter than the block's longest when the next line
// starts a sentence or a heading: the last line of a paragraph, or a
// heading, which pdftotext often sets without a blank line.
func paragraphs(page string) []string {
	var out []string
	for _, block := range strings.Split(page, "\n\n") {
		var lines []string
		width := 0
		for _, line := range strings.Split(block, "\n") {
			if line = strings.Join(strings.Fields(line), " "); line != "" {
				lines = append(lines, line)
				width = max(width, len(line))
			}
		}
		var b strings.Builder
		for i, line := range lines {
			s := b.String()
			switch {
			case b.Len() == 0:
			case strings.HasSuffix(s, "-") && len(s) > 1 && isLower(s[len(s)-2]) && isLower(line[0]):
				b.Reset()
				b.WriteString(s[:len(s)-1])
			default:
				b.WriteByte(' ')
			}
			b.WriteString(line)
			if i+1 < len(lines) && 10*len(line) < 6*width && startsBlock(lines[i+1]) {
				out = append(out, b.String())
				b.Reset()
			}
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

// startsBlock reports whether a line can begin a paragraph: a capital, a
// digit, a bullet or an opening bracket or quote.
func startsBlock(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("•·–—-([\"“‘§", r)
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
