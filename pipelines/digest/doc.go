// Package digest turns saved topics into digests: the topic and
// subscription store (KV buckets "topics" and "subscriptions"), the
// builder that finds what is new for a topic in a period and folds
// near-duplicates together, the schedule arithmetic, the scheduler that
// hands each due digest to a Sender once per (topic, subscription,
// period), and the alerter that matches each newly indexed document
// against the topics that ask for immediate alerts.
//
// Delivery itself (e-mail, webhooks, the delivery ledger) is the Sender's
// business; this package only decides what to send and when.
package digest

import _ "time/tzdata" // schedules name IANA time zones; do not depend on the host's zoneinfo
