package index

import "github.com/blevesearch/bleve/v2"

// A page of claim hits is read from the index twice: the claim items,
// then their documents, which hold what a claim of the newest revision
// says at its position (see withDocs). A batch committed between the two
// would show each claim the text of whatever claim the new revision has
// at its old position (Revisions reads a stored log, then its document,
// likewise). commits counts batch commits, odd while one is
// under way; a read that saw it change is done again, and the last
// attempt holds commitMu, which commits wait for, so that even a
// constant stream of Puts cannot keep a read from being consistent.
const consistentTries = 3

// commit writes b as one batch, counting it in commits.
func (ix *Index) commit(b *bleve.Batch) error {
	ix.commitMu.Lock()
	defer ix.commitMu.Unlock()
	ix.commits.Add(1)
	defer ix.commits.Add(1)
	return ix.bleve.Batch(b)
}

// consistently runs read, which reads the index more than once, until no
// batch was committed while it ran, or its error.
func (ix *Index) consistently(read func() error) error {
	for try := 1; ; try++ {
		if try == consistentTries {
			ix.commitMu.RLock()
			defer ix.commitMu.RUnlock()
			return read()
		}
		before := ix.commits.Load()
		err := read()
		if err != nil || before%2 == 0 && ix.commits.Load() == before {
			return err
		}
	}
}
