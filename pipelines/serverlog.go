package pipelines

import (
	"context"
	"fmt"
	"log/slog"
)

// serverLogger adapts nats-server's printf-style logger to slog. Fatalf logs
// at error level and does not exit: an embedded server must not end the
// process it lives in; StartServer reports the failure instead.
type serverLogger struct {
	ctx context.Context // the server's callbacks carry no context; this one carries the starter's values
	log *slog.Logger
}

// Noticef logs at debug level: the server's notices are its start-up
// banner and routine chatter; StartServer logs the one line that matters
// ("nats server ready") itself.
func (l serverLogger) Noticef(format string, v ...any) { l.emit(slog.LevelDebug, format, v) }

func (l serverLogger) Warnf(format string, v ...any)  { l.emit(slog.LevelWarn, format, v) }
func (l serverLogger) Fatalf(format string, v ...any) { l.emit(slog.LevelError, format, v) }
func (l serverLogger) Errorf(format string, v ...any) { l.emit(slog.LevelError, format, v) }
func (l serverLogger) Debugf(format string, v ...any) { l.emit(slog.LevelDebug, format, v) }
func (l serverLogger) Tracef(format string, v ...any) { l.emit(slog.LevelDebug-4, format, v) }

func (l serverLogger) emit(level slog.Level, format string, v []any) {
	if !l.log.Enabled(l.ctx, level) {
		return
	}
	l.log.Log(l.ctx, level, fmt.Sprintf(format, v...))
}
