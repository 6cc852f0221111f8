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
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	for _, tc := range []struct {
		name string
		sys  fstest.MapFS
		want int64
	}{
		{"machine", fstest.MapFS{"proc/meminfo": file(meminfo)}, total},
		{"cgroup v2 without a limit", fstest.MapFS{"proc/meminfo": file(meminfo), "proc/self/cgroup": file("0::/\n"),
			"sys/fs/cgroup/memory.max": file("max\n")}, total},
		{"own cgroup v2 limit", fstest.MapFS{"proc/meminfo": file(meminfo), "proc/self/cgroup": file("0::/system.slice/newsintel.service\n"),
			"sys/fs/cgroup/system.slice/newsintel.service/memory.max": file("1073741824\n")}, 1 << 30},
		{"parent cgroup v2 limit", fstest.MapFS{"proc/meminfo": file(meminfo), "proc/self/cgroup": file("0::/system.slice/newsintel.service\n"),
			"sys/fs/cgroup/system.slice/newsintel.service/memory.max": file("max\n"),
			"sys/fs/cgroup/system.slice/memory.max":                   file("2147483648\n")}, 2 << 30},
		{"cgroup v1 limit", fstest.MapFS{"proc/meminfo": file(meminfo), "proc/self/cgroup": file("5:devices:/\n4:memory:/docker/abc\n0::/\n"),
			"sys/fs/cgroup/memory/docker/abc/memory.limit_in_bytes": file("536870912\n")}, 512 << 20},
		{"cgroup v1 unlimited", fstest.MapFS{"proc/meminfo": file(meminfo), "proc/self/cgroup": file("4:memory:/a\n"),
			"sys/fs/cgroup/memory/a/memory.limit_in_bytes": file("9223372036854771712\n")}, total},
		{"cgroup limit, no meminfo", fstest.MapFS{"proc/self/cgroup": file("0::/x\n"), "sys/fs/cgroup/x/memory.max": file("536870912")}, 512 << 20},
		{"nothing to read", fstest.MapFS{}, 0},
		{"meminfo unreadable", fstest.MapFS{"proc/meminfo": file("MemTotal: lots\n")}, 0},
	} {
		require.Equal(t, tc.want, availableMemory(tc.sys), tc.name)
	}
}

// TestApplyRuntime checks that the configured collector settings reach
// the runtime, the limit half the memory by default, that the percentage
// is raised only under a limit, and that GOGC and GOMEMLIMIT in the
// environment win.
func TestApplyRuntime(t *testing.T) {
	restoreRuntime(t)
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

	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
	gc, limit = applyRuntime(config.Default().Runtime, fstest.MapFS{})
	require.Zero(t, gc, "no memory limit known: the percentage stays Go's")
	require.Zero(t, limit)
	require.Equal(t, 100, debug.SetGCPercent(100))

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

// TestLoadServerAppliesRuntime checks that server commands' loading
// applies the runtime settings and other commands' does not.
func TestLoadServerAppliesRuntime(t *testing.T) {
	restoreRuntime(t)
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("NEWSINTEL_RUNTIME_GC_PERCENT", "321")
	t.Setenv("NEWSINTEL_RUNTIME_MEMORY_LIMIT", "2GiB")
	t.Chdir(t.TempDir()) // no newsintel.yaml
	g := &globals{}
	debug.SetGCPercent(100)
	_, err := g.load(nil)
	require.NoError(t, err)
	require.Equal(t, 100, debug.SetGCPercent(100), "load leaves the runtime alone")
	_, err = g.loadServer(nil)
	require.NoError(t, err)
	require.Equal(t, 321, debug.SetGCPercent(321))
	require.Equal(t, int64(2<<30), debug.SetMemoryLimit(-1))
}

// restoreRuntime puts the collector settings back after t.
func restoreRuntime(t *testing.T) {
	oldPercent, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	t.Cleanup(func() { debug.SetGCPercent(oldPercent); debug.SetMemoryLimit(oldLimit) })
}
