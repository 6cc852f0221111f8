//go:build !unix

package extract

import "time"

// cpuTime cannot be read here; the benchmarks report wall time only.
func cpuTime() time.Duration { return 0 }
