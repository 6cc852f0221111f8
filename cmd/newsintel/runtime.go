package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"path"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"

	"github.com/newsintel/newsintel/config"
)

// applyRuntime sets the soft memory limit and the garbage collector's
// percentage of a server process (serve, bench run) from rt, each unless
// the environment sets it (GOMEMLIMIT, GOGC). The percentage is raised
// only under a memory limit: when none is configured and none can be read
// from sys (the root of the file system), Go's defaults stay. It returns
// what it set, 0 for what it left.
func applyRuntime(rt config.Runtime, sys fs.FS) (gcPercent int, memoryLimit int64) {
	limited := os.Getenv("GOMEMLIMIT") != ""
	if !limited {
		memoryLimit = int64(rt.MemoryLimit)
		if memoryLimit == 0 {
			memoryLimit = availableMemory(sys) / 2
		}
		if memoryLimit > 0 {
			debug.SetMemoryLimit(memoryLimit)
			limited = true
		}
	}
	if os.Getenv("GOGC") == "" && limited {
		gcPercent = rt.GCPercent
		debug.SetGCPercent(gcPercent)
	}
	return gcPercent, memoryLimit
}

// availableMemory returns the memory the process may use, in bytes: the
// lowest memory limit of its cgroup and the cgroups above it (v2, else
// v1), when below the machine's memory, else the machine's memory; 0 when
// sys (the root of the file system) tells neither.
func availableMemory(sys fs.FS) int64 {
	avail := memTotal(sys)
	for _, limit := range cgroupLimits(sys) {
		if limit > 0 && (avail == 0 || limit < avail) {
			avail = limit
		}
	}
	return avail
}

// cgroupLimits returns the memory limits of the process's cgroup and of
// those above it, as /proc/self/cgroup names them ("0::/path" for v2,
// "N:memory:/path" for v1); a cgroup without a limit gives none.
func cgroupLimits(sys fs.FS) []int64 {
	b, err := fs.ReadFile(sys, "proc/self/cgroup")
	if err != nil {
		return nil
	}
	var limits []int64
	for line := range strings.Lines(string(b)) {
		parts := strings.SplitN(strings.TrimSpace(line), ":", 3)
		if len(parts) != 3 {
			continue
		}
		var root, file string
		switch {
		case parts[0] == "0" && parts[1] == "":
			root, file = "sys/fs/cgroup", "memory.max"
		case slices.Contains(strings.Split(parts[1], ","), "memory"):
			root, file = "sys/fs/cgroup/memory", "memory.limit_in_bytes"
		default:
			continue
		}
		for dir := path.Clean("/" + parts[2]); ; dir = path.Dir(dir) {
			if limit, ok := readLimit(sys, path.Join(root, dir, file)); ok {
				limits = append(limits, limit)
			}
			if dir == "/" {
				break
			}
		}
	}
	return limits
}

// readLimit reads a cgroup memory limit file; false when it is missing or
// says "max".
func readLimit(sys fs.FS, name string) (int64, bool) {
	b, err := fs.ReadFile(sys, name)
	if err != nil {
		return 0, false
	}
	limit, err := strconv.ParseInt(string(bytes.TrimSpace(b)), 10, 64)
	return limit, err == nil && limit > 0
}

// memTotal reads MemTotal from /proc/meminfo, in bytes; 0 when it cannot.
func memTotal(sys fs.FS) int64 {
	f, err := sys.Open("proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		// MemTotal:       24684132 kB
		fields := strings.Fields(sc.Text())
		if len(fields) == 3 && fields[0] == "MemTotal:" && fields[2] == "kB" {
			kb, err := strconv.ParseInt(fields[1], 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
