package bench

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// Shape of the synthetic corpus.
const (
	vocabSize = 60000
	// The corpus spans three years up to corpusEnd, denser towards the end.
	corpusYears = 3
)

var corpusEnd = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// outlet is a news source of the synthetic world.
type outlet struct{ source, publisher string }

var outlets = []outlet{
	{"reuters-business", "Reuters"}, {"apnews-business", "Associated Press"}, {"bloomberg", "Bloomberg"},
	{"ft-companies", "Financial Times"}, {"wsj-markets", "The Wall Street Journal"}, {"nyt-business", "The New York Times"},
	{"bbc-business", "BBC News"}, {"cnbc", "CNBC"}, {"politico", "Politico"}, {"axios", "Axios"},
	{"guardian-business", "The Guardian"}, {"washpost-tech", "The Washington Post"}, {"scmp", "South China Morning Post"},
	{"nikkei-asia", "Nikkei Asia"}, {"techcrunch", "TechCrunch"}, {"the-verge", "The Verge"},
	{"law360", "Law360"}, {"statnews", "STAT"}, {"eenews", "E&E News"}, {"fiercepharma", "Fierce Pharma"},
}

// Generator writes a deterministic synthetic corpus of Documents shaped
// like news: Zipf-distributed words and entities, log-normal lengths per
// kind, sourcing claims with realistic source types, dates over three
// years weighted to recent weekdays. It is not safe for concurrent use.
type Generator struct {
	rng      *rand.Rand
	vocab    []string
	words    *rand.Zipf
	world    world
	popular  map[newsintel.EntityType]*rand.Zipf
	outletZ  *rand.Zipf
	sequence int
}

// NewGenerator returns a Generator whose output depends only on seed.
func NewGenerator(seed uint64) *Generator {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	g := &Generator{rng: rng, vocab: vocabulary(rng, vocabSize), world: newWorld(rng)}
	g.words = rand.NewZipf(rng, 1.07, 2, uint64(len(g.vocab)-1))
	g.outletZ = rand.NewZipf(rng, 1.2, 1, uint64(len(outlets)-1))
	g.popular = map[newsintel.EntityType]*rand.Zipf{}
	for t, es := range g.world {
		g.popular[t] = rand.NewZipf(rng, 1.15, 1, uint64(len(es)-1))
	}
	return g
}

// Generate writes n documents as JSON lines to w.
func Generate(w io.Writer, n int, seed uint64) error {
	g := NewGenerator(seed)
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	for range n {
		d := g.Next()
		if err := enc.Encode(&d); err != nil {
			return fmt.Errorf("bench: write document: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("bench: write corpus: %w", err)
	}
	return nil
}

// Next returns the next document.
func (g *Generator) Next() newsintel.Document {
	i := g.sequence
	g.sequence++
	d := newsintel.Document{Kind: g.kind(), Language: "en", Revision: 1, Extractor: newsintel.ExtractorVersion}
	d.Published = g.published()
	d.Fetched = d.Published.Add(time.Duration(1+g.rng.IntN(90)) * time.Minute)
	cast := g.cast(&d)
	switch d.Kind {
	case newsintel.KindFiling:
		g.filing(&d, i, cast[0])
	case newsintel.KindNotice:
		g.notice(&d, i, cast)
	default:
		g.article(&d, i, cast)
	}
	w := &bodyWriter{g: g, d: &d, cast: cast, topics: g.topics()}
	w.write(g.length(d.Kind))
	d.Title = g.title(cast[0], w.topics[0])
	d.WordCount = w.words
	d.Cluster = d.ID
	d.Profile = profile(d.Claims)
	return d
}

func (g *Generator) kind() newsintel.Kind {
	switch r := g.rng.Float64(); {
	case r < 0.08:
		return newsintel.KindFiling
	case r < 0.15:
		return newsintel.KindNotice
	}
	return newsintel.KindArticle
}

// length draws a body length in words: log-normal around a median per
// kind (articles ~550, notices ~1 200, filing excerpts ~2 500).
func (g *Generator) length(k newsintel.Kind) int {
	median, sigma, lo, hi := 550.0, 0.6, 60, 5000
	switch k {
	case newsintel.KindFiling:
		median, sigma, lo, hi = 2500, 0.8, 300, 20000
	case newsintel.KindNotice:
		median, sigma, lo, hi = 1200, 0.7, 150, 10000
	}
	n := int(median * math.Exp(sigma*g.rng.NormFloat64()))
	return min(max(n, lo), hi)
}

// published draws a time in the corpus span: more documents in recent
// months, fewer at weekends, most during working hours (UTC-ish).
func (g *Generator) published() time.Time {
	span := float64(corpusYears * 365 * 24 * time.Hour)
	for {
		back := time.Duration(span * (1 - math.Pow(g.rng.Float64(), 0.6)))
		t := corpusEnd.Add(-back).Truncate(24 * time.Hour)
		if wd := t.Weekday(); (wd == time.Saturday || wd == time.Sunday) && g.rng.Float64() < 0.65 {
			continue
		}
		hour := int(math.Round(14 + 4*g.rng.NormFloat64()))
		return t.Add(time.Duration(min(max(hour, 0), 23))*time.Hour + time.Duration(g.rng.IntN(3600))*time.Second)
	}
}

// cast picks the 2 to 12 entities a document is about; the first leads.
func (g *Generator) cast(d *newsintel.Document) []entity {
	n := 2 + g.rng.IntN(6) + g.rng.IntN(6)
	lead := newsintel.EntityCompany
	if d.Kind == newsintel.KindNotice {
		lead = newsintel.EntityAgency
	} else if d.Kind == newsintel.KindArticle && g.rng.Float64() < 0.35 {
		lead = []newsintel.EntityType{newsintel.EntityAgency, newsintel.EntityPerson, newsintel.EntityGovernment}[g.rng.IntN(3)]
	}
	out := []entity{g.pick(lead)}
	for len(out) < n {
		e := g.pick(g.entityType())
		if !containsEntity(out, e.id) {
			out = append(out, e)
		}
	}
	return out
}

func (g *Generator) entityType() newsintel.EntityType {
	switch r := g.rng.Float64(); {
	case r < 0.35:
		return newsintel.EntityCompany
	case r < 0.60:
		return newsintel.EntityPerson
	case r < 0.80:
		return newsintel.EntityPlace
	case r < 0.95:
		return newsintel.EntityAgency
	}
	return newsintel.EntityGovernment
}

func (g *Generator) pick(t newsintel.EntityType) entity {
	return g.world[t][g.popular[t].Uint64()]
}

func containsEntity(es []entity, id string) bool {
	for _, e := range es {
		if e.id == id {
			return true
		}
	}
	return false
}

// topics picks one to three phrases the document keeps coming back to.
func (g *Generator) topics() []string {
	n := 1 + g.rng.IntN(3)
	out := make([]string, n)
	for i := range out {
		out[i] = topicPhrases[g.rng.IntN(len(topicPhrases))]
	}
	return out
}

func (g *Generator) word() string { return g.vocab[g.words.Uint64()] }

// title is 5 to 12 words with the lead entity and a topic.
func (g *Generator) title(lead entity, topic string) string {
	words := []string{lead.name}
	n := 3 + g.rng.IntN(8)
	for range n {
		words = append(words, g.word())
	}
	words = append(words, topic)
	g.rng.Shuffle(len(words)-1, func(i, j int) { words[i+1], words[j+1] = words[j+1], words[i+1] })
	t := strings.Join(words, " ")
	return strings.ToUpper(t[:1]) + t[1:]
}
