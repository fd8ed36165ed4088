// Package corpus generates realistic plain-language prose about child
// support, benefits and public services, for benchmarks and tests.
//
// The text comes from our own sentence templates and word lists: short
// and middling sentences, some passive, some wordy ("in order to",
// "utilize", "shall") and now and then a long one, so a plain-language
// linter finds a realistic share of problems. Everything is
// deterministic: the same seed (math/rand/v2 PCG) gives the same bytes.
//
// WriteProject and WriteHugoProject write the same pages, byte for byte,
// as a plainpress project and as a Hugo site, so the two tools can be
// timed side by side (bench/build-vs-hugo.sh). WriteLintCorpus writes
// plain Markdown files for lint benchmarks (bench/lint-vs-vale.sh).
package corpus
