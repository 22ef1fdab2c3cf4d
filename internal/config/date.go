package config

import (
	"fmt"
	"strconv"
	"time"
)

// NotDate is DateProblem's answer for text not written YYYY-MM-DD.
const NotDate = "is not YYYY-MM-DD"

// DateProblem says what is wrong with s as a date YYYY-MM-DD, to follow the
// date in a message, or "" when nothing is. The form is checked first, since
// time.Parse takes a sign in the year; time.Parse then refuses days the
// calendar does not have, such as 2023-02-31.
func DateProblem(s string) string {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return NotDate
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return NotDate
		}
	}
	if _, err := time.Parse(time.DateOnly, s); err == nil {
		return ""
	}
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	if m < 1 || m > 12 {
		return fmt.Sprintf("is not a day of the calendar: there is no month %s", s[5:7])
	}
	days := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	return fmt.Sprintf("is not a day of the calendar: %s has %d days", s[:7], days)
}
