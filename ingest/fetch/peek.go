package fetch

import "io"

// peekReader lets readBody look at the first two bytes of a deflate body.
type peekReader struct {
	r    io.Reader
	head []byte
}

func newPeekReader(r io.Reader) *peekReader {
	p := &peekReader{r: r, head: make([]byte, 2)}
	n, _ := io.ReadFull(r, p.head)
	p.head = p.head[:n]
	return p
}

// zlibHeader reports whether the stream starts with a zlib header (CMF/FLG
// with deflate method and a valid check).
func (p *peekReader) zlibHeader() bool {
	if len(p.head) < 2 {
		return false
	}
	cmf, flg := p.head[0], p.head[1]
	return cmf&0x0f == 8 && (uint16(cmf)<<8|uint16(flg))%31 == 0
}

func (p *peekReader) Read(b []byte) (int, error) {
	if len(p.head) > 0 {
		n := copy(b, p.head)
		p.head = p.head[n:]
		return n, nil
	}
	return p.r.Read(b)
}
