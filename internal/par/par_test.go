package par

import (
	"sync/atomic"
	"testing"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	seen := make([]int32, 1000)
	Each(len(seen), func(i int) { atomic.AddInt32(&seen[i], 1) })
	for i, n := range seen {
		if n != 1 {
			t.Fatalf("index %d called %d times", i, n)
		}
	}
	Each(0, func(int) { t.Fatal("called with no items") })
}

func TestEachWithMakesOneValuePerWorker(t *testing.T) {
	var made atomic.Int32
	var sum atomic.Int64
	EachWith(100, func() *int { made.Add(1); return new(int) }, func(w *int, i int) {
		*w += i
		sum.Add(int64(i))
	})
	if sum.Load() != 4950 {
		t.Fatalf("sum %d, want 4950", sum.Load())
	}
	if m := made.Load(); m < 1 || m > 100 {
		t.Fatalf("%d workers made", m)
	}
}
