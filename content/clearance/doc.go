// Package clearance is the sign-off workflow: a policy of roles and
// stages from plainpress.yaml, a ledger of events (one small JSON file
// each, in clearance/events/), the exact text of each version submitted
// (in clearance/objects/), and each document's status, derived from the
// ledger and the text as it is now. Status is never stored.
//
// A document is a page, or a newsletter issue with its articles, which
// is cleared as one bundle.
package clearance
