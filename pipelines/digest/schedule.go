package digest

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsintel/newsintel"
)

// weekdays are the names Schedule.Weekday takes (three-letter
// abbreviations are accepted too).
var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// clock is a parsed schedule: where its boundaries fall.
type clock struct {
	every   string
	hour    int
	minute  int
	weekday time.Weekday
	loc     *time.Location
}

// NormalizeSchedule checks s and returns it in canonical form (lower-case
// every and weekday, "07:30" at, time zone as given). Hourly digests fall
// on the hour (at the minute of At when given); daily ones at At (00:00
// when empty) in TimeZone (UTC when empty); weekly ones on Weekday at At.
// It returns an EINVALID *newsintel.Error naming the field and the value.
func NormalizeSchedule(s newsintel.Schedule) (newsintel.Schedule, error) {
	s.Every = strings.ToLower(strings.TrimSpace(s.Every))
	s.At, s.Weekday, s.TimeZone = strings.TrimSpace(s.At), strings.ToLower(strings.TrimSpace(s.Weekday)), strings.TrimSpace(s.TimeZone)
	c, err := parseSchedule(s)
	if err != nil {
		return s, err
	}
	if s.At != "" {
		s.At = twoDigits(c.hour) + ":" + twoDigits(c.minute)
	}
	if s.Weekday != "" {
		s.Weekday = strings.ToLower(c.weekday.String())
	}
	return s, nil
}

func parseSchedule(s newsintel.Schedule) (clock, error) {
	c := clock{every: strings.ToLower(strings.TrimSpace(s.Every)), loc: time.UTC}
	switch c.every {
	case newsintel.EveryHour, newsintel.EveryDay, newsintel.EveryWeek:
	case "":
		return c, invalid("schedule.every is missing; use hourly, daily or weekly")
	default:
		return c, invalid("schedule.every %q is unknown; use hourly, daily or weekly", clip(s.Every))
	}
	var err error
	if c.hour, c.minute, err = parseAt(strings.TrimSpace(s.At)); err != nil {
		return c, err
	}
	if c.weekday, err = parseWeekday(c.every, s.Weekday); err != nil {
		return c, err
	}
	if tz := strings.TrimSpace(s.TimeZone); tz != "" {
		if c.loc, err = time.LoadLocation(tz); err != nil || strings.EqualFold(tz, "local") {
			return c, invalid("schedule.timezone %q is not an IANA time zone; use a name such as Europe/Berlin, America/New_York or UTC", clip(tz))
		}
	}
	return c, nil
}

// parseAt parses "HH:MM" (24-hour clock); "" is 00:00.
func parseAt(at string) (hour, minute int, err error) {
	if at == "" {
		return 0, 0, nil
	}
	h, m, ok := strings.Cut(at, ":")
	hour, errH := strconv.Atoi(h)
	minute, errM := strconv.Atoi(m)
	switch {
	case !ok || errH != nil || errM != nil || len(h) == 0 || len(h) > 2 || len(m) != 2:
		return 0, 0, invalid("schedule.at %q is not a time; use HH:MM on the 24-hour clock, such as 07:30", clip(at))
	case hour < 0 || hour > 23:
		return 0, 0, invalid("schedule.at %q: hour %d is out of range; use 00 to 23", clip(at), hour)
	case minute < 0 || minute > 59:
		return 0, 0, invalid("schedule.at %q: minute %d is out of range; use 00 to 59", clip(at), minute)
	}
	return hour, minute, nil
}

func parseWeekday(every, name string) (time.Weekday, error) {
	name = strings.ToLower(strings.TrimSpace(name))
	if every != newsintel.EveryWeek {
		if name != "" {
			return 0, invalid("schedule.weekday %q only applies to weekly schedules; remove it or set every to weekly", clip(name))
		}
		return 0, nil
	}
	if name == "" {
		return 0, invalid("schedule.weekday is missing; a weekly schedule needs a day, monday to sunday")
	}
	for full, d := range weekdays {
		if name == full || (len(name) == 3 && strings.HasPrefix(full, name)) {
			return d, nil
		}
	}
	return 0, invalid("schedule.weekday %q is not a day of the week; use monday to sunday", clip(name))
}

// LastDue returns the latest boundary of s at or before t: the end of the
// last period that is complete at t. It returns an EINVALID error for a
// bad schedule.
func LastDue(s newsintel.Schedule, t time.Time) (time.Time, error) {
	c, err := parseSchedule(s)
	if err != nil {
		return time.Time{}, err
	}
	return c.lastDue(t), nil
}

// PeriodBefore returns the period of s that ends at the boundary end: its
// start is the boundary before end.
func PeriodBefore(s newsintel.Schedule, end time.Time) (since time.Time, err error) {
	return LastDue(s, end.Add(-time.Nanosecond))
}

// NextDue returns the earliest boundary of s after t.
func NextDue(s newsintel.Schedule, t time.Time) (time.Time, error) {
	c, err := parseSchedule(s)
	if err != nil {
		return time.Time{}, err
	}
	last := c.lastDue(t)
	for step := time.Hour; ; step += time.Hour {
		// Boundaries are at most a week (plus a DST hour) apart; walk
		// forward in hours until lastDue moves past last.
		if next := c.lastDue(last.Add(step)); next.After(last) {
			return next, nil
		}
	}
}

func (c clock) lastDue(t time.Time) time.Time {
	lt := t.In(c.loc)
	switch c.every {
	case newsintel.EveryHour:
		// On the minute of each hour, in absolute time, so that the
		// repeated or skipped hour of a DST change is neither doubled
		// nor lost (and half-hour zones fall on their own minute).
		into := time.Duration(lt.Minute()-c.minute)*time.Minute + time.Duration(lt.Second())*time.Second + time.Duration(lt.Nanosecond())
		if into < 0 {
			into += time.Hour
		}
		return t.Add(-into)
	case newsintel.EveryWeek:
		back := (int(lt.Weekday()) - int(c.weekday) + 7) % 7
		b := time.Date(lt.Year(), lt.Month(), lt.Day()-back, c.hour, c.minute, 0, 0, c.loc)
		if b.After(t) {
			b = time.Date(lt.Year(), lt.Month(), lt.Day()-back-7, c.hour, c.minute, 0, 0, c.loc)
		}
		return b
	default:
		b := time.Date(lt.Year(), lt.Month(), lt.Day(), c.hour, c.minute, 0, 0, c.loc)
		if b.After(t) {
			b = time.Date(lt.Year(), lt.Month(), lt.Day()-1, c.hour, c.minute, 0, 0, c.loc)
		}
		return b
	}
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func invalid(format string, args ...any) error {
	return newsintel.Errorf(newsintel.EINVALID, format, args...)
}
