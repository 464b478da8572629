package taobao

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Checkpoint stores how far a sync has come: every change up to and
// including the saved time was handled.
type Checkpoint interface {
	// Load returns the saved time; ok is false when nothing was saved yet.
	Load(ctx context.Context) (t time.Time, ok bool, err error)
	// Save records t durably.
	Save(ctx context.Context, t time.Time) error
}

// MemoryCheckpoint keeps the checkpoint in memory, for tests and for
// services that store it elsewhere themselves.
type MemoryCheckpoint struct {
	mu sync.Mutex
	t  time.Time
	ok bool
}

// Load returns the saved time.
func (m *MemoryCheckpoint) Load(context.Context) (time.Time, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.t, m.ok, nil
}

// Save records t.
func (m *MemoryCheckpoint) Save(_ context.Context, t time.Time) error {
	m.mu.Lock()
	m.t, m.ok = t, true
	m.mu.Unlock()
	return nil
}

// FileCheckpoint keeps the checkpoint in a small JSON file, replaced
// atomically (temporary file, fsync, rename) so that a crash leaves either
// the old or the new checkpoint, never a torn one. A file that cannot be
// read back is an error, never a silent restart.
type FileCheckpoint struct {
	path string
	mu   sync.Mutex
}

// NewFileCheckpoint returns a checkpoint stored at path.
func NewFileCheckpoint(path string) *FileCheckpoint { return &FileCheckpoint{path: path} }

type checkpointFile struct {
	Modified string `json:"modified"` // RFC 3339
	SavedAt  string `json:"saved_at,omitempty"`
}

// Load reads the checkpoint; a missing file means none was saved yet.
func (f *FileCheckpoint) Load(context.Context) (time.Time, bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := os.ReadFile(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, err
	}
	var c checkpointFile
	if err := json.Unmarshal(b, &c); err != nil {
		return time.Time{}, false, fmt.Errorf("taobao: checkpoint file %s is corrupt: %w", f.path, err)
	}
	t, err := time.Parse(time.RFC3339Nano, c.Modified)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("taobao: checkpoint file %s is corrupt: %w", f.path, err)
	}
	return t, true, nil
}

// Save writes t atomically.
func (f *FileCheckpoint) Save(_ context.Context, t time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	b, err := json.Marshal(checkpointFile{Modified: t.Format(time.RFC3339Nano), SavedAt: time.Now().Format(time.RFC3339Nano)})
	if err != nil {
		return err
	}
	dir := filepath.Dir(f.path)
	tmp, err := os.CreateTemp(dir, filepath.Base(f.path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename this fails harmlessly
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename itself durable where the OS allows
		d.Close()
	}
	return nil
}
