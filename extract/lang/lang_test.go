package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"english", "The ministry said on Tuesday that it would review the contract, which was awarded to the company in March after a tender that drew three bids.", "en"},
		{"german", "Die Bundesregierung will die Förderung für kleine Unternehmen ausweiten, wie ein Sprecher des Ministeriums am Dienstag sagte. Die Pläne sind noch nicht mit den Ländern abgestimmt.", "de"},
		{"french", "Le gouvernement a annoncé mardi une nouvelle aide pour les entreprises touchées par la crise, selon un communiqué publié dans la soirée. Les syndicats ont salué une mesure attendue.", "fr"},
		{"spanish", "El Gobierno aprobó este martes un nuevo paquete de ayudas para las empresas afectadas por la sequía, según informó el ministerio en un comunicado. Los agricultores pidieron más medidas.", "es"},
		{"italian", "Il governo ha approvato un nuovo decreto per le imprese colpite dalla crisi energetica, che prevede anche un credito d'imposta per le famiglie. Le opposizioni non sono d'accordo.", "it"},
		{"portuguese", "O governo anunciou nesta terça-feira um novo pacote de ajuda para as empresas afetadas pela seca, segundo um comunicado do ministério. Os agricultores disseram que não é suficiente.", "pt"},
		{"dutch", "De regering heeft dinsdag een nieuw steunpakket aangekondigd voor bedrijven die door de droogte zijn getroffen. Volgens het ministerie is het geld voor het einde van het jaar beschikbaar.", "nl"},
		{"russian", "Правительство во вторник объявило о новом пакете помощи компаниям, пострадавшим от засухи, говорится в сообщении министерства.", "ru"},
		{"ukrainian", "Уряд у вівторок оголосив про новий пакет допомоги для підприємств, які постраждали від посухи, йдеться у повідомленні міністерства.", "uk"},
		{"chinese", "政府周二宣布了一项新的援助计划，以帮助受干旱影响的企业，该部在一份声明中表示。", "zh"},
		{"japanese", "政府は火曜日、干ばつの影響を受けた企業を支援するための新たな支援策を発表したと、同省が声明で明らかにした。", "ja"},
		{"korean", "정부는 화요일 가뭄 피해 기업을 위한 새로운 지원책을 발표했다고 부처가 성명에서 밝혔다.", "ko"},
		{"arabic", "أعلنت الحكومة يوم الثلاثاء عن حزمة مساعدات جديدة للشركات المتضررة من الجفاف، بحسب بيان للوزارة.", "ar"},
		{"greek", "Η κυβέρνηση ανακοίνωσε την Τρίτη νέο πακέτο στήριξης για τις επιχειρήσεις που επλήγησαν από την ξηρασία.", "el"},
		{"too short", "Reuters", ""},
		{"empty", "", ""},
		{"numbers only", "2021 2022 2023 $50 million 4.5%", ""},
		{"english with chinese name", "Alibaba, known in China as 阿里巴巴, said on Tuesday that the review of its cloud business was continuing and that it had not been told of any decision.", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Detect(tt.text); got != tt.want {
				t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestDetectInvalidUTF8(t *testing.T) {
	text := "The company said that it was \xff\xfe reviewing the offer and would respond in the coming weeks."
	if got := Detect(text); got != "en" {
		t.Errorf("Detect(invalid UTF-8 English) = %q, want %q", got, "en")
	}
}

func BenchmarkDetect(b *testing.B) {
	text := "The ministry said on Tuesday that it would review the contract, which was awarded to the company in March after a tender that drew three bids. "
	for b.Loop() {
		Detect(text)
	}
}
