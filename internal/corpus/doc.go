// Package corpus writes generated projects of realistic plain-language
// prose for benchmarks: the same pages for plainpress and for Hugo, so
// the two can be timed side by side on one machine.
package corpus
