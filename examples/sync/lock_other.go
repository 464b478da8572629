//go:build !unix

package main

import (
	"errors"
	"fmt"
	"os"
)

// lockState takes the state directory's lock file for this process, so
// that two syncs never write one store. Without flock, the file itself is
// the lock: a run that was killed leaves it behind, to be removed by hand.
func lockState(path string) (unlock func(), err error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, fmt.Errorf("another sync is running on this state directory (%s exists; remove it if no sync runs)", path)
	}
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	f.Close()
	return func() { os.Remove(path) }, nil
}
