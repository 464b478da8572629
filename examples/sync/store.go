package main

import (
	"bufio"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/toptrade/taobao"
)

// store keeps the latest state of every trade in an append-only log of
// JSON lines, one trade per line, and in memory.
//
// Crash safety rests on the order of writes: appended lines are flushed and
// fsynced before the checkpoint is saved (see syncedCheckpoint), so every
// trade up to the checkpoint is on disk. A crash in the middle of an append
// leaves a last line without its newline; that line belongs to a window
// whose checkpoint was never saved, so opening the store drops it and the
// sync reads the window again. Compaction writes a temporary file and
// renames it over the log, so a crash leaves the old log or the new one.
//
// A trade delivered again (the syncer delivers at least once) is merged:
// the state with the later modified time wins.
type store struct {
	path   string
	f      *os.File
	w      *bufio.Writer
	trades map[int64]record
	lines  int // lines in the log, superseded ones included

	added, updated, unchanged int // this run's outcome of put
}

// record is one trade as stored: its line and what put compares.
type record struct {
	modified time.Time
	line     []byte // the trade as JSON, without the newline
}

// recordKey is the part of a line the store reads back.
type recordKey struct {
	Tid      int64       `json:"tid"`
	Modified taobao.Time `json:"modified"`
}

// openStore opens or creates the log at path and compacts it. The caller
// holds the state directory's lock: temporary files of a compaction that
// was killed half-way are left-overs, and are removed.
func openStore(path string) (*store, error) {
	leftovers, _ := filepath.Glob(path + ".tmp-*")
	for _, f := range leftovers {
		os.Remove(f)
	}
	s := &store{path: path, trades: make(map[int64]record)}
	if err := s.load(); err != nil {
		return nil, err
	}
	if err := s.compact(); err != nil {
		return nil, err
	}
	return s, nil
}

// load reads the log into memory, the latest line of each trade winning.
func (s *store) load() error {
	f, err := os.Open(s.path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for n := 1; ; n++ {
		line, err := r.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			// Anything after the last newline is an append cut short by
			// a crash, before its window's checkpoint was saved.
			return nil
		}
		if err != nil {
			return err
		}
		line = bytes.TrimSuffix(line, []byte("\n"))
		var k recordKey
		if err := json.Unmarshal(line, &k); err != nil || k.Tid <= 0 {
			if err == nil {
				err = errors.New("no tid")
			}
			return fmt.Errorf("trade store %s is corrupt at line %d: %v (move it away to sync again from -since)", s.path, n, err)
		}
		s.lines++
		s.keep(int64(k.Tid), record{modified: k.Modified.Time, line: line})
	}
}

// keep records r for tid unless the store holds a later state of the trade,
// and tells what it did.
func (s *store) keep(tid int64, r record) (added, updated bool) {
	old, ok := s.trades[tid]
	if ok && r.modified.Before(old.modified) {
		return false, false
	}
	s.trades[tid] = r
	return !ok, ok && (r.modified.After(old.modified) || !bytes.Equal(r.line, old.line))
}

// put stores t, unless the store already holds a later state of it. The
// line reaches the disk at the next sync.
func (s *store) put(t *taobao.Trade) error {
	if t.Tid <= 0 {
		return fmt.Errorf("trade without a tid (modified %s)", t.Modified)
	}
	line, err := json.Marshal(t)
	if err != nil {
		return fmt.Errorf("trade %d: %w", t.Tid, err)
	}
	old, had := s.trades[int64(t.Tid)]
	if had && (t.Modified.Before(old.modified) || bytes.Equal(line, old.line)) {
		s.unchanged++ // seen before: a window read again after a restart
		return nil
	}
	added, updated := s.keep(int64(t.Tid), record{modified: t.Modified.Time, line: line})
	switch {
	case added:
		s.added++
	case updated:
		s.updated++
	}
	if _, err := s.w.Write(line); err != nil {
		return err
	}
	s.lines++
	return s.w.WriteByte('\n')
}

// sync makes every put so far durable, compacting the log first when most
// of its lines are superseded.
func (s *store) sync() error {
	if s.lines > 2*len(s.trades)+1000 {
		return s.compact()
	}
	if err := s.w.Flush(); err != nil {
		return err
	}
	return s.f.Sync()
}

// compact rewrites the log with one line per trade, sorted by tid, through
// a temporary file renamed over the log, and reopens it for appending.
func (s *store) compact() error {
	if s.f != nil {
		if err := s.w.Flush(); err != nil {
			return err
		}
		if err := s.f.Close(); err != nil {
			return err
		}
		s.f = nil
	}
	tids := make([]int64, 0, len(s.trades))
	for tid := range s.trades {
		tids = append(tids, tid)
	}
	slices.SortFunc(tids, cmp.Compare)
	err := writeAtomic(s.path, func(w *bufio.Writer) error {
		for _, tid := range tids {
			w.Write(s.trades[tid].line) // a failed write fails the next one too
			if err := w.WriteByte('\n'); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("compacting the trade store: %w", err)
	}
	s.lines = len(tids)
	f, err := os.OpenFile(s.path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return err
	}
	s.f, s.w = f, bufio.NewWriterSize(f, 64<<10)
	return nil
}

// close compacts the log and closes it.
func (s *store) close() error {
	if s.f == nil {
		return nil
	}
	err := s.compact()
	if cerr := s.f.Close(); err == nil {
		err = cerr
	}
	s.f = nil
	return err
}

// writeAtomic writes path through fill into a temporary file in the same
// directory, fsyncs it and renames it over path, so that a reader sees the
// old file or the new one, never a part.
func writeAtomic(path string, fill func(w *bufio.Writer) error) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // fails harmlessly after the rename
	w := bufio.NewWriterSize(tmp, 64<<10)
	err = fill(w)
	if err == nil {
		err = w.Flush()
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync() // make the rename durable where the system allows
		d.Close()
	}
	return nil
}
