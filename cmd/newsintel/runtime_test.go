package main

import (
	"math"
	"runtime/debug"
	"testing"
	"testing/fstest"

	"github.com/newsintel/newsintel/config"
	"github.com/stretchr/testify/require"
)

const meminfo = "MemTotal:       24684132 kB\nMemFree:        19237152 kB\n"

func TestAvailableMemory(t *testing.T) {
	total := int64(24684132) << 10
	for _, tc := range []struct {
		name string
		sys  fstest.MapFS
		want int64
	}{
		{"machine", fstest.MapFS{"proc/meminfo": {Data: []byte(meminfo)}}, total},
		{"cgroup v2 without a limit", fstest.MapFS{"proc/meminfo": {Data: []byte(meminfo)}, "sys/fs/cgroup/memory.max": {Data: []byte("max\n")}}, total},
		{"cgroup v2 limit", fstest.MapFS{"proc/meminfo": {Data: []byte(meminfo)}, "sys/fs/cgroup/memory.max": {Data: []byte("2147483648\n")}}, 2 << 30},
		{"cgroup v1 limit", fstest.MapFS{"proc/meminfo": {Data: []byte(meminfo)}, "sys/fs/cgroup/memory/memory.limit_in_bytes": {Data: []byte("1073741824\n")}}, 1 << 30},
		{"cgroup v1 unlimited", fstest.MapFS{"proc/meminfo": {Data: []byte(meminfo)}, "sys/fs/cgroup/memory/memory.limit_in_bytes": {Data: []byte("9223372036854771712\n")}}, total},
		{"cgroup limit, no meminfo", fstest.MapFS{"sys/fs/cgroup/memory.max": {Data: []byte("536870912")}}, 512 << 20},
		{"nothing to read", fstest.MapFS{}, 0},
		{"meminfo unreadable", fstest.MapFS{"proc/meminfo": {Data: []byte("MemTotal: lots\n")}}, 0},
	} {
		require.Equal(t, tc.want, availableMemory(tc.sys), tc.name)
	}
}

// TestApplyRuntime checks that the configured collector settings reach
// the runtime, half the memory by default, and that GOGC and GOMEMLIMIT
// in the environment win.
func TestApplyRuntime(t *testing.T) {
	oldPercent, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(oldPercent); debug.SetMemoryLimit(oldLimit) })
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	sys := fstest.MapFS{"proc/meminfo": {Data: []byte(meminfo)}}

	gc, limit := applyRuntime(config.Runtime{GCPercent: 700, MemoryLimit: 1 << 30}, sys)
	require.Equal(t, 700, gc)
	require.Equal(t, int64(1<<30), limit)
	require.Equal(t, 700, debug.SetGCPercent(700))
	require.Equal(t, int64(1<<30), debug.SetMemoryLimit(-1))

	_, limit = applyRuntime(config.Default().Runtime, sys)
	require.Equal(t, int64(24684132)<<9, limit, "half the machine's memory")
	require.Equal(t, limit, debug.SetMemoryLimit(-1))
	require.Equal(t, 1000, debug.SetGCPercent(1000))

	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "3GiB")
	debug.SetGCPercent(50)
	debug.SetMemoryLimit(3 << 30)
	gc, limit = applyRuntime(config.Runtime{GCPercent: 700, MemoryLimit: 1 << 30}, sys)
	require.Zero(t, gc)
	require.Zero(t, limit)
	require.Equal(t, 50, debug.SetGCPercent(50), "GOGC wins")
	require.Equal(t, int64(3<<30), debug.SetMemoryLimit(-1), "GOMEMLIMIT wins")
}
