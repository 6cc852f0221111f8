package main

import (
	"bufio"
	"bytes"
	"io/fs"
	"os"
	"runtime/debug"
	"strconv"
	"strings"

	"github.com/newsintel/newsintel/config"
)

// applyRuntime sets the garbage collector's percentage and the soft
// memory limit of the process from rt, each unless the environment sets
// it (GOGC, GOMEMLIMIT), and returns what it set: 0 for what it left.
func applyRuntime(rt config.Runtime, sys fs.FS) (gcPercent int, memoryLimit int64) {
	if os.Getenv("GOGC") == "" {
		gcPercent = rt.GCPercent
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		memoryLimit = int64(rt.MemoryLimit)
		if memoryLimit == 0 {
			memoryLimit = availableMemory(sys) / 2
		}
		if memoryLimit > 0 {
			debug.SetMemoryLimit(memoryLimit)
		}
	}
	return gcPercent, memoryLimit
}

// availableMemory returns the memory the process may use, in bytes: the
// limit of its cgroup (v2, else v1) when there is one below the machine's
// memory, else the machine's memory; 0 when sys (the root of the file
// system) tells neither.
func availableMemory(sys fs.FS) int64 {
	total := memTotal(sys)
	for _, name := range []string{"sys/fs/cgroup/memory.max", "sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		b, err := fs.ReadFile(sys, name)
		if err != nil {
			continue
		}
		limit, err := strconv.ParseInt(string(bytes.TrimSpace(b)), 10, 64)
		if err != nil || limit <= 0 { // "max": no limit
			continue
		}
		if total == 0 || limit < total {
			return limit
		}
	}
	return total
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
