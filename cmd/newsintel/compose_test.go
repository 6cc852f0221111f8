package main

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"
)

type composeFile struct {
	Services map[string]struct {
		Command     []string          `yaml:"command"`
		Environment map[string]string `yaml:"environment"`
		Volumes     []string          `yaml:"volumes"`
	} `yaml:"services"`
	Volumes map[string]any `yaml:"volumes"`
}

// readCompose parses docker-compose.yml (anchors and merge keys resolved).
func readCompose(t *testing.T) composeFile {
	t.Helper()
	data, err := os.ReadFile("../../docker-compose.yml")
	require.NoError(t, err)
	var c composeFile
	require.NoError(t, yaml.Unmarshal(data, &c), "docker-compose.yml is not valid YAML")
	return c
}

func TestComposeFileShape(t *testing.T) {
	c := readCompose(t)
	for _, name := range []string{"nats-1", "nats-2", "nats-3", "poller", "extract", "index"} {
		if _, ok := c.Services[name]; !ok {
			t.Errorf("docker-compose.yml has no service %q", name)
		}
	}
	for _, name := range []string{"nats-1", "nats-2", "nats-3"} {
		cmd := strings.Join(c.Services[name].Command, " ")
		if !strings.Contains(cmd, "-js") || !strings.Contains(cmd, "--routes") {
			t.Errorf("%s command %q does not enable JetStream in a cluster", name, cmd)
		}
	}
	for _, name := range []string{"poller", "extract", "index"} {
		s := c.Services[name]
		if !strings.HasPrefix(s.Environment["NEWSINTEL_NATS_URL"], "nats://") {
			t.Errorf("%s has no NEWSINTEL_NATS_URL: %v", name, s.Environment)
		}
		if len(s.Volumes) == 0 {
			t.Errorf("%s keeps no volume", name)
		}
		// the command must parse as our own CLI would take it
		if _, err := parseStages(flagValue(s.Command, "--stages")); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func flagValue(args []string, name string) string {
	if i := slices.Index(args, name); i >= 0 && i+1 < len(args) {
		return args[i+1]
	}
	return ""
}

// TestComposeTopology runs docker-compose.yml's command lines as real
// processes — a nats-server binary built from the module cache, an extract
// worker and an index+api replica of the newsintel binary — since no Docker
// engine runs here, and checks a document goes through.
func TestComposeTopology(t *testing.T) {
	if testing.Short() {
		t.Skip("builds two binaries")
	}
	bin := t.TempDir()
	build(t, filepath.Join(bin, "nats-server"), "github.com/nats-io/nats-server/v2")
	build(t, filepath.Join(bin, "newsintel"), ".")

	c := readCompose(t)
	natsPort, httpPort := freePort(t), freePort(t)
	natsURL := "nats://127.0.0.1:" + natsPort
	nats := start(t, nil, filepath.Join(bin, "nats-server"), "-js", "-sd", t.TempDir(), "-a", "127.0.0.1", "-p", natsPort)
	waitDial(t, "127.0.0.1:"+natsPort)

	env := []string{"NEWSINTEL_NATS_URL=" + natsURL, "NEWSINTEL_FETCH_ALLOW_PRIVATE_NETWORKS=true", "NEWSINTEL_INDEX_BATCH_WAIT=50ms"}
	var procs []*exec.Cmd
	for _, name := range []string{"extract", "index"} {
		args := slices.Clone(c.Services[name].Command)
		args[slices.Index(args, "--data")+1] = t.TempDir()
		if i := slices.Index(args, "--listen"); i >= 0 {
			args[i+1] = "127.0.0.1:" + httpPort
		}
		e := env
		for k, v := range c.Services[name].Environment {
			if k != "NEWSINTEL_NATS_URL" && k != "NEWSINTEL_NATS_REPLICAS" { // one server here, not three
				e = append(e, k+"="+v)
			}
		}
		procs = append(procs, start(t, e, filepath.Join(bin, "newsintel"), args...))
	}
	waitDial(t, "127.0.0.1:"+httpPort)

	out, err := exec.CommandContext(t.Context(), filepath.Join(bin, "newsintel"), "ingest", "--nats", natsURL, "testdata/site/port-dredging.html").CombinedOutput()
	require.NoError(t, err, "ingest: %s", out)
	var res apiSearch
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) && res.Total == 0 {
		getJSON(t, "http://127.0.0.1:"+httpPort+"/api/v1/search?q=dredging", &res)
		time.Sleep(100 * time.Millisecond)
	}
	if res.Total != 1 {
		t.Fatalf("search across processes = %d hits, want 1", res.Total)
	}
	for _, p := range append(procs, nats) {
		p.Process.Signal(syscall.SIGTERM)
	}
	for _, p := range procs {
		if err := p.Wait(); err != nil {
			t.Errorf("%s did not stop cleanly on SIGTERM: %v\n%s", strings.Join(p.Args, " "), err, p.Stderr)
		}
	}
}

func build(t *testing.T, out, pkg string) {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), "go", "build", "-o", out, pkg)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
}

func start(t *testing.T, env []string, name string, args ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stderr = &bytes.Buffer{}
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	return cmd
}

func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

func waitDial(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
			c.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("nothing listens on %s after 60s", addr)
}
