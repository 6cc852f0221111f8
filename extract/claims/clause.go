package claims

import "strings"

// nonContent are words that, opening what follows a reporting verb, show
// that the verb has an object and no reported content: "said goodbye",
// "told the story of", "warned investors of the risk".
var nonContent = words("of", "about", "to", "for", "with", "on", "at", "in", "after", "before",
	"as", "by", "from", "goodbye", "hello", "nothing", "something", "everything", "anything",
	"yes", "thanks", "sorry", "otherwise", "grace", "prayers", "mass", "little", "much")

// determiners stand before nouns; a word ending in -s after one is a plural
// noun, not a verb.
var determiners = words("the", "a", "an", "its", "their", "his", "her", "our", "my", "your",
	"this", "that", "these", "those", "some", "many", "all", "both", "several", "few", "other",
	"more", "most", "no", "any", "each", "every", "such", "two", "three", "four", "five")

// pastForms are irregular past tenses that make a clause: "sales rose".
var pastForms = words("rose", "fell", "grew", "won", "lost", "made", "took", "gave", "saw", "went",
	"came", "met", "sold", "bought", "paid", "left", "kept", "held", "led", "ran", "began", "became",
	"spent", "sent", "built", "hit", "set", "put", "told", "said", "thought", "knew", "found",
	"brought", "sought", "fought", "felt", "meant", "stood", "understood", "broke", "spoke", "wrote",
	"drove", "chose", "struck", "fled", "lent", "beat", "hid", "shot", "shut", "spread", "quit",
	"split", "let", "drew", "flew", "threw", "withdrew", "overtook", "undertook", "got", "did",
	"sank", "shrank", "swung", "stole", "froze", "tore", "dug", "slid", "forgot", "forgave",
	"lay", "sat", "wore", "bore", "rang", "sang", "swam", "woke", "arose", "cost", "cut", "hurt")

// isClause reports whether the words from toks[p] to the end read as a
// clause rather than a bare noun phrase: they quote someone, open with a
// subject pronoun or hold a finite verb (an auxiliary, a modal, a past
// tense, or a present tense after a noun). It judges only what follows a
// reporting verb without "that", so that "warned investors of the risk"
// and "said nothing as…" attribute no content.
func isClause(toks []tok, p int) bool {
	if p >= len(toks) {
		return false
	}
	if nonContent[toks[p].l] && !toks[p].inQ && !quantityOpens(toks, p) || saidIdiom(toks, p) {
		return false
	}
	if _, ok := pronouns[toks[p].l]; ok || toks[p].l == "there" ||
		toks[p].l == "no" && p+1 < len(toks) && !toks[p+1].punct && !noMore[toks[p+1].l] { // "said no decision had been made"
		return true
	}
	for k := p; k < len(toks); k++ {
		t := toks[k]
		if t.inQ || t.isQuoteMark() {
			return true
		}
		if t.punct {
			continue
		}
		l := t.l
		if finite[l] || modals[l] && !determiners[l] && l != "to" && l != "of" || pastForms[l] ||
			strings.HasSuffix(l, "n't") || len(l) > 3 && strings.HasSuffix(l, "ed") {
			return true
		}
		if k > p && presentTense(toks, k) {
			return true
		}
	}
	return false
}

// presentTense reports whether toks[k], a word ending in -s after a
// content word, can be a verb in the present tense: "the company complies".
func presentTense(toks []tok, k int) bool {
	l, prev := toks[k].l, toks[k-1]
	if len(l) < 3 || !strings.HasSuffix(l, "s") || strings.HasSuffix(l, "ss") || strings.HasSuffix(l, "us") ||
		toks[k].cap || toks[k].poss || notVerbS[l] || determiners[l] || preps[l] {
		return false
	}
	return !prev.punct && !determiners[prev.l] && !preps[prev.l] && prev.l != "and" && prev.l != "or"
}

// notVerbS are words ending in -s that are never verbs.
var notVerbS = words("this", "its", "his", "hers", "ours", "yours", "theirs", "thus", "plus",
	"less", "unless", "news", "series", "species", "means", "always", "perhaps", "whereas",
	"besides", "across", "towards", "afterwards", "sometimes", "nevertheless", "was", "has",
	"does", "is", "as", "us", "yes", "years", "times", "days", "weeks", "months", "hours",
	"minutes", "percent", "points", "dollars", "euros", "shares", "sales", "earnings", "results")

// noMore after "no" ends a reporting verb without content: "said no more".
var noMore = words("more", "further", "less", "other", "details", "detail", "comment", "comments")

// quantityOpens reports whether toks[p] opens a quantity that can be the
// subject of reported content although its first word is a preposition:
// "said at least four people were hurt", "say about 200 homes were
// evacuated", "said around a third of staff would go".
func quantityOpens(toks []tok, p int) bool {
	if p+2 >= len(toks) {
		return false
	}
	switch toks[p].l {
	case "at":
		return toks[p+1].l == "least" || toks[p+1].l == "most"
	case "about", "around":
		l := toks[p+1].l
		if l == "a" || l == "an" {
			return fractions[toks[p+2].l] // "about a third of …", not "about a plan"
		}
		_, num := numberOf(l)
		return num || isDigitAt(toks[p+1].w, 0) || toks[p+1].w == "$" || fractions[l]
	}
	return false
}

// fractions name a share: "about half", "around a third".
var fractions = words("half", "third", "quarter", "fifth", "tenth", "dozen")

// idiomObjects after "said his/her/their" make an idiom, not reported
// content: "said his piece", "said her goodbyes", "said their prayers".
var idiomObjects = words("piece", "goodbye", "goodbyes", "farewell", "farewells", "prayers",
	"prayer", "vows", "thanks", "lines", "grace", "rosary", "name")

// saidIdiom reports whether toks[p:] opens with a possessive and an idiom
// object.
func saidIdiom(toks []tok, p int) bool {
	if p+1 >= len(toks) || toks[p].inQ {
		return false
	}
	switch toks[p].l {
	case "his", "her", "their", "my", "our", "your", "its":
		return idiomObjects[toks[p+1].l] && !(p+2 < len(toks) && (finite[toks[p+2].l] || pastForms[toks[p+2].l]))
	}
	return false
}
