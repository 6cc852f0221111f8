package lang

import "strings"

// profiles holds the most frequent function words of each Latin-script
// language: articles, pronouns, prepositions, conjunctions and auxiliary
// verbs, which every running text uses whatever its topic.
var profiles = map[string]string{
	"en": "the of and to in is that for it was on with as be by at this are from or have an has had not but which were been they their its would will said who after also more than about into over there can could when what we our he she his her them these other should",
	"de": "der die und den das ist nicht von zu mit sich des auf für im dem ein eine einer eines auch es an als wie bei nach aus wird werden wurde hat haben sind war noch nur oder aber vor zur zum über sie ich wir durch bis um sein seine diese dieser kann mehr sagte",
	"fr": "le la les des est et un une du dans que qui pour pas sur au aux avec ce cette ces il elle ils sont ont été par plus ne se son sa ses mais comme leur où nous vous être fait aussi selon entre sans après",
	"es": "el la los las del que en y un una por con para es no se su sus al lo como más pero fue ha han son está este esta entre sobre también sin desde hasta porque cuando muy según dijo ya le era fueron",
	"it": "il di che la le è per un una non sono dei della delle del con si al alla anche nel nella da gli ha lo come più ma ci questo questa essere stato stata dal dalla sul sulla degli perché tra loro hanno può",
	"pt": "o a os as de do da dos das que em um uma para com não por se no na nos nas é foi ao mais como mas seu sua pelo pela são ser está também já entre quando sobre até isso ele ela disse tem",
	"nl": "de het een en van in is op te dat die voor met zijn niet aan er om ook als bij door maar naar dan nog wel worden wordt werd heeft hebben was zal uit tot over deze dit geen meer kan ze hij zij",
	"sv": "och att det som en på är av för med till den har de inte om ett var jag men från vid sig så kan ska eller efter under också hade skulle mot blev där vi detta sina",
	"da": "og at det som en på er af for med til den har de ikke om et var men fra ved sig så kan skal eller efter under også havde skulle mod blev hvor vi dette sine",
	"pl": "i w na z się nie do że to jest jak o po przez dla od jego ale za czy jej być przy tym tak który która które został została są będzie jednak także oraz gdy",
	"tr": "ve bir bu da de için ile olarak daha çok en gibi ama ancak olan sonra kadar var yok değil göre her şey ise mı mi ne o onun",
	"id": "yang dan di ini itu dengan untuk tidak dari dalam akan pada juga ke karena ada oleh mereka kami kita sudah telah bahwa atau saat bisa lebih",
}

// stopIndex maps each function word to the languages that use it.
var stopIndex = buildIndex()

func buildIndex() map[string][]string {
	idx := make(map[string][]string, 600)
	for code, list := range profiles {
		for _, w := range strings.Fields(list) {
			idx[w] = append(idx[w], code)
		}
	}
	return idx
}
