package digest

import (
	"testing"
	"time"

	"github.com/newsintel/newsintel"
)

// FuzzSchedule checks that any schedule is either refused with an
// EINVALID error or gives boundaries in order: LastDue(t) <= t < NextDue(t).
func FuzzSchedule(f *testing.F) {
	f.Add("daily", "07:30", "", "America/New_York", int64(1772000000))
	f.Add("weekly", "23:59", "sun", "Australia/Lord_Howe", int64(1780000000))
	f.Add("hourly", "00:45", "", "Asia/Kathmandu", int64(1700000000))
	f.Add("daily", "25:00", "", "", int64(0))
	f.Add("weekly", "7:5", "funday", "Mars/Base", int64(-1))
	f.Fuzz(func(t *testing.T, every, at, weekday, tz string, unix int64) {
		s := newsintel.Schedule{Every: every, At: at, Weekday: weekday, TimeZone: tz}
		if _, err := NormalizeSchedule(s); err != nil {
			if newsintel.ErrorCode(err) != newsintel.EINVALID {
				t.Fatalf("NormalizeSchedule(%+v) = %v, want an invalid error", s, err)
			}
			return
		}
		at0 := time.Unix(unix%(1<<34), 0) // within a few centuries of 1970
		last, err := LastDue(s, at0)
		if err != nil || last.After(at0) {
			t.Fatalf("LastDue(%+v, %s) = %s, %v; want a time not after it", s, at0, last, err)
		}
		next, err := NextDue(s, at0)
		if err != nil || !next.After(at0) || next.Sub(last) > 8*24*time.Hour {
			t.Fatalf("NextDue(%+v, %s) = %s (last %s), %v; want a later time within a week and a day", s, at0, next, last, err)
		}
	})
}

// FuzzCompile checks that any topic query either compiles or is refused
// with an EINVALID error, never panics.
func FuzzCompile(f *testing.F) {
	f.Add(`"export controls" +huawei`, "company", "Alibaba Group")
	f.Add(`(a OR b) AND NOT c`, "has_anonymous", "maybe")
	f.Add(`/regexp/`, "since", "2024-13-40")
	f.Fuzz(func(t *testing.T, q, filter, value string) {
		_, err := ValidateTopic(newsintel.Topic{Name: "fuzz", Query: newsintel.TopicQuery{Q: q, Filters: map[string][]string{filter: {value}}},
			Schedule: newsintel.Schedule{Every: "daily"}})
		if err != nil && newsintel.ErrorCode(err) != newsintel.EINVALID {
			t.Fatalf("ValidateTopic(q=%q, %s=%q) = %v, want nil or an invalid error", q, filter, value, err)
		}
	})
}
