package digest

import (
	"strings"
	"testing"
	"time"

	"github.com/newsintel/newsintel"
)

func mustLoc(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestLastDue(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	berlin := mustLoc(t, "Europe/Berlin")
	cases := []struct {
		name string
		s    newsintel.Schedule
		at   time.Time
		want time.Time
	}{
		{"hourly on the hour", newsintel.Schedule{Every: "hourly"}, time.Date(2026, 11, 30, 10, 59, 59, 0, time.UTC), time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC)},
		{"hourly at :15", newsintel.Schedule{Every: "hourly", At: "00:15"}, time.Date(2026, 11, 30, 10, 5, 0, 0, time.UTC), time.Date(2026, 11, 30, 9, 15, 0, 0, time.UTC)},
		{"hourly in a half-hour zone", newsintel.Schedule{Every: "hourly", TimeZone: "Asia/Kolkata"}, time.Date(2026, 11, 30, 10, 45, 0, 0, time.UTC), time.Date(2026, 11, 30, 10, 30, 0, 0, time.UTC)},
		{"daily before today's time", newsintel.Schedule{Every: "daily", At: "07:30", TimeZone: "America/New_York"}, time.Date(2026, 11, 30, 7, 0, 0, 0, ny), time.Date(2026, 11, 29, 7, 30, 0, 0, ny)},
		{"daily exactly at the time", newsintel.Schedule{Every: "daily", At: "07:30", TimeZone: "America/New_York"}, time.Date(2026, 11, 30, 7, 30, 0, 0, ny), time.Date(2026, 11, 30, 7, 30, 0, 0, ny)},
		{"weekly on monday", newsintel.Schedule{Every: "weekly", Weekday: "monday", At: "09:00", TimeZone: "Europe/Berlin"}, time.Date(2026, 12, 2, 12, 0, 0, 0, berlin), time.Date(2026, 11, 30, 9, 0, 0, 0, berlin)},
		{"weekly on the day before the time", newsintel.Schedule{Every: "weekly", Weekday: "mon", At: "09:00", TimeZone: "Europe/Berlin"}, time.Date(2026, 11, 30, 8, 0, 0, 0, berlin), time.Date(2026, 11, 23, 9, 0, 0, 0, berlin)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := LastDue(c.s, c.at)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(c.want) {
				t.Errorf("LastDue(%+v, %s) = %s, want %s", c.s, c.at, got, c.want)
			}
		})
	}
}

// TestDailyAcrossDST checks that a daily digest at 07:30 New York time
// stays at 07:30 local across both DST changes, so its periods are 23
// and 25 hours long on those days.
func TestDailyAcrossDST(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	s := newsintel.Schedule{Every: "daily", At: "07:30", TimeZone: "America/New_York"}
	for _, c := range []struct {
		day  time.Time
		want time.Duration
	}{
		{time.Date(2026, 3, 8, 12, 0, 0, 0, ny), 23 * time.Hour},  // spring forward
		{time.Date(2026, 11, 1, 12, 0, 0, 0, ny), 25 * time.Hour}, // fall back
		{time.Date(2026, 11, 2, 12, 0, 0, 0, ny), 24 * time.Hour},
	} {
		end, err := LastDue(s, c.day)
		if err != nil {
			t.Fatal(err)
		}
		since, err := PeriodBefore(s, end)
		if err != nil {
			t.Fatal(err)
		}
		if got := end.Sub(since); got != c.want {
			t.Errorf("period ending %s lasts %s, want %s", end, got, c.want)
		}
		if l := end.In(ny); l.Hour() != 7 || l.Minute() != 30 {
			t.Errorf("boundary %s is not at 07:30 local", l)
		}
	}
}

// TestDailyInTheSkippedHour checks a daily time that does not exist on
// the spring-forward day (02:30 in New York): that day still has exactly
// one boundary, and NextDue walks through it.
func TestDailyInTheSkippedHour(t *testing.T) {
	ny := mustLoc(t, "America/New_York")
	s := newsintel.Schedule{Every: "daily", At: "02:30", TimeZone: "America/New_York"}
	b := time.Date(2026, 3, 7, 2, 30, 0, 0, ny)
	var got []time.Time
	for range 3 {
		next, err := NextDue(s, b)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, next)
		b = next
	}
	days := map[int]int{}
	for _, g := range got {
		days[g.In(ny).Day()]++
	}
	if days[8] != 1 || days[9] != 1 || days[10] != 1 {
		t.Errorf("boundaries after 7 March 02:30: got %v, want one on each of 8, 9 and 10 March", got)
	}
}

func TestHourlyAcrossFallBack(t *testing.T) {
	s := newsintel.Schedule{Every: "hourly", TimeZone: "America/New_York"}
	start := time.Date(2026, 11, 1, 4, 0, 0, 0, time.UTC) // 00:00 EDT
	b := start
	for range 5 {
		next, err := NextDue(s, b)
		if err != nil {
			t.Fatal(err)
		}
		if got := next.Sub(b); got != time.Hour {
			t.Fatalf("hourly boundary after %s is %s later, want 1h", b, got)
		}
		b = next
	}
}

func TestScheduleErrors(t *testing.T) {
	cases := []struct {
		name string
		s    newsintel.Schedule
		want string
	}{
		{"missing every", newsintel.Schedule{}, "schedule.every is missing"},
		{"unknown every", newsintel.Schedule{Every: "fortnightly"}, `schedule.every "fortnightly" is unknown`},
		{"hour 25", newsintel.Schedule{Every: "daily", At: "25:00"}, `schedule.at "25:00": hour 25 is out of range`},
		{"minute 61", newsintel.Schedule{Every: "daily", At: "07:61"}, "minute 61 is out of range"},
		{"not a time", newsintel.Schedule{Every: "daily", At: "7am"}, `schedule.at "7am" is not a time`},
		{"unknown zone", newsintel.Schedule{Every: "daily", TimeZone: "Mars/Olympus_Mons"}, `schedule.timezone "Mars/Olympus_Mons" is not an IANA time zone`},
		{"unknown weekday", newsintel.Schedule{Every: "weekly", Weekday: "funday"}, `schedule.weekday "funday" is not a day of the week`},
		{"weekly without a day", newsintel.Schedule{Every: "weekly"}, "schedule.weekday is missing"},
		{"weekday on a daily", newsintel.Schedule{Every: "daily", Weekday: "monday"}, "only applies to weekly"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := NormalizeSchedule(c.s)
			if got := newsintel.ErrorCode(err); got != newsintel.EINVALID {
				t.Fatalf("NormalizeSchedule(%+v) code %q (%v), want invalid", c.s, got, err)
			}
			if got := newsintel.ErrorMessage(err); !strings.Contains(got, c.want) {
				t.Errorf("NormalizeSchedule(%+v) says %q, want it to contain %q", c.s, got, c.want)
			}
		})
	}
}

func TestNormalizeSchedule(t *testing.T) {
	got, err := NormalizeSchedule(newsintel.Schedule{Every: " Weekly", At: "7:05", Weekday: "FRI", TimeZone: "Europe/Paris"})
	if err != nil {
		t.Fatal(err)
	}
	want := newsintel.Schedule{Every: "weekly", At: "07:05", Weekday: "friday", TimeZone: "Europe/Paris"}
	if got != want {
		t.Errorf("NormalizeSchedule = %+v, want %+v", got, want)
	}
}
