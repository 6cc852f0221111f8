package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"

	"github.com/blevesearch/bleve/v2"
)

// The lexicon's file. Scorch copies every value of Bleve's internal
// store into each snapshot it persists, so the lexicon, which only
// grows, is not kept there: it is a file of its own in the index
// directory, an append-only log of groups, one for each batch that
// numbered new entries: the length of the group's entries as a uvarint,
// the entries (each a uvarint of its length shifted left by two with its
// kind in the low bits, then its bytes), and a CRC-32C of them. A group
// is synced before the batch whose documents use it is committed, so no
// document on disk refers to an entry the file does not hold; the batch
// also sets lexiconCountKey, a few bytes, to the number of entries then,
// so a file that lost entries is found when the index is opened. A group
// cut short by a crash was never synced, no document uses it, and opening
// cuts it off.

const (
	lexiconFile     = "lexicon"
	lexiconCountKey = "lexicon/count"
)

// lexiconStore is where a lexicon is kept: nothing for one in memory.
type lexiconStore struct {
	file  *os.File
	size  int64 // of the file's whole groups
	saved int   // entries in the file
}

// openLexicon opens the lexicon of the index b in dir, creating its file
// if there is none. It returns ErrCorrupt when the file holds fewer
// entries than the index's documents may use.
func openLexicon(dir string, b bleve.Index) (*lexicon, error) {
	f, err := os.OpenFile(filepath.Join(dir, lexiconFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("%w: open lexicon: %w", ErrCorrupt, err)
	}
	l, err := readLexicon(f)
	if err == nil {
		err = l.checkCount(b)
	}
	if err != nil {
		_ = f.Close()
		return nil, fmt.Errorf("%w: lexicon %s: %w", ErrCorrupt, f.Name(), err)
	}
	return l, nil
}

// readLexicon reads the whole groups of f, cuts off what follows them
// and returns the lexicon, which appends to f.
func readLexicon(f *os.File) (*lexicon, error) {
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	l := newLexicon()
	at := 0
	for at < len(data) {
		n, k := binary.Uvarint(data[at:])
		if k <= 0 || n > uint64(len(data)-at-k) || uint64(len(data)-at-k)-n < 4 {
			break // cut short
		}
		entries := data[at+k : at+k+int(n)]
		if crc32.Checksum(entries, castagnoli) != binary.BigEndian.Uint32(data[at+k+int(n):]) {
			break
		}
		if err := l.appendGroup(entries); err != nil {
			return nil, fmt.Errorf("group at byte %d: %w", at, err)
		}
		at += k + int(n) + 4
	}
	if err := f.Truncate(int64(at)); err != nil {
		return nil, err
	}
	if _, err := f.Seek(int64(at), io.SeekStart); err != nil {
		return nil, err
	}
	l.file, l.size, l.saved = f, int64(at), len(l.entries)
	return l, nil
}

// appendGroup adds the entries of a group.
func (l *lexicon) appendGroup(v []byte) error {
	for len(v) > 0 {
		n, k := binary.Uvarint(v)
		if k <= 0 || n>>2 > uint64(len(v)-k) {
			return errors.New("malformed")
		}
		text, kind := string(v[k:k+int(n>>2)]), entryKind(n&3)
		m := l.words
		if kind == kindGap {
			m = l.gaps
		}
		if _, dup := m[text]; dup || text == "" {
			return fmt.Errorf("%q given twice", text)
		}
		l.add(text, kind)
		v = v[k+int(n>>2):]
	}
	return nil
}

// checkCount checks that the lexicon holds every entry the index b
// counted when it last wrote a batch.
func (l *lexicon) checkCount(b bleve.Index) error {
	v, err := b.GetInternal([]byte(lexiconCountKey))
	if err != nil || v == nil {
		return err
	}
	want, k := binary.Uvarint(v)
	if k <= 0 {
		return fmt.Errorf("the index's count of entries, %q, is malformed", v)
	}
	if uint64(len(l.entries)) < want {
		return fmt.Errorf("holds %d entries; the index's documents use %d", len(l.entries), want)
	}
	return nil
}

// save writes to the file the entries not yet in it, and syncs it, and
// records in batch b how many entries there are: call it before b is
// committed.
func (l *lexicon) save(b *bleve.Batch) error {
	l.write.Lock()
	defer l.write.Unlock()
	l.mu.RLock()
	entries := l.entries
	l.mu.RUnlock()
	if l.file != nil && l.saved < len(entries) {
		if err := l.appendToFile(entries[l.saved:]); err != nil {
			return fmt.Errorf("index: write lexicon: %w", err)
		}
		l.saved = len(entries)
	}
	b.SetInternal([]byte(lexiconCountKey), binary.AppendUvarint(nil, uint64(len(entries))))
	return nil
}

// appendToFile appends a group of entries to the file and syncs it; on
// failure it cuts the file back to its whole groups.
func (l *lexicon) appendToFile(entries []lexEntry) error {
	var group []byte
	for _, e := range entries {
		group = binary.AppendUvarint(group, uint64(len(e.text))<<2|uint64(e.kind))
		group = append(group, e.text...)
	}
	out := binary.AppendUvarint(nil, uint64(len(group)))
	out = append(out, group...)
	out = binary.BigEndian.AppendUint32(out, crc32.Checksum(group, castagnoli))
	_, err := l.file.Write(out)
	if err == nil {
		err = l.file.Sync()
	}
	if err != nil {
		_ = l.file.Truncate(l.size)
		_, _ = l.file.Seek(l.size, io.SeekStart)
		return err
	}
	l.size += int64(len(out))
	return nil
}

// close closes the lexicon's file.
func (l *lexicon) close() error {
	if l.file == nil {
		return nil
	}
	return l.file.Close()
}
