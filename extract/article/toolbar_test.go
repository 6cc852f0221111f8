package article

import "testing"

func TestToolbar(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"print | email | share", true},
		{"print|email", true},
		{"share • tweet • email", true},
		{"facebook / twitter / linkedin", true},
		{"print", false},
		{"| print |", false},
		{"print | the minister said", false},
		{"", false},
		{"share || email", true},
	}
	for _, tt := range tests {
		if got := toolbar(tt.in); got != tt.want {
			t.Errorf("toolbar(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
