package sandbox

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"

	"github.com/pwbconf/pwbconf/model"
)

// request asks a worker to evaluate one file.
type request struct {
	File string            `json:"file"`
	Src  []byte            `json:"src"`
	Env  map[string]string `json:"env,omitempty"`
	// EnvComplete says Env is the whole environment.
	EnvComplete bool          `json:"env_complete,omitempty"`
	Timeout     time.Duration `json:"timeout"`
}

// reply is a worker's answer. The first frame a worker sends, once its
// limits are in place, is a reply with no Config.
type reply struct {
	Config *model.Config `json:"config,omitempty"`
	// Retire says the worker exits after this reply: its CPU budget is
	// spent, the evaluator panicked and its state is not to be trusted, or
	// the file hit the memory limit and left its garbage behind.
	Retire bool `json:"retire,omitempty"`
}

// maxReply bounds what the parent reads from a worker. A model this large
// could only come from a file built to exhaust the parent.
const maxReply = 64 << 20

// writeFrame writes v as one length-prefixed JSON frame.
func writeFrame(w io.Writer, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	buf := make([]byte, 4, 4+len(body))
	binary.BigEndian.PutUint32(buf, uint32(len(body)))
	_, err = w.Write(append(buf, body...))
	return err
}

// readFrame reads one frame into v, refusing frames over limit bytes.
func readFrame(r io.Reader, v any, limit int) error {
	var head [4]byte
	if _, err := io.ReadFull(r, head[:]); err != nil {
		return err
	}
	n := binary.BigEndian.Uint32(head[:])
	if int64(n) > int64(limit) {
		return fmt.Errorf("frame of %d bytes is over the %d-byte limit", n, limit)
	}
	body := make([]byte, n)
	if _, err := io.ReadFull(r, body); err != nil {
		return err
	}
	return json.Unmarshal(body, v)
}

// shared is the page both sides of a worker map. The worker's evaluator
// writes the line it runs into line; the worker writes into seq the number
// of the request it has taken up, so that after a death the parent can tell
// a file that killed the worker from one the worker never saw.
type shared struct {
	line atomic.Int64
	seq  atomic.Int64
}

// sharedFD is the descriptor number under which a worker finds the page:
// the first of exec.Cmd's ExtraFiles.
const sharedFD = 3

// mapShared maps the page behind fd.
func mapShared(fd int) (*shared, []byte, error) {
	mem, err := unix.Mmap(fd, 0, unix.Getpagesize(), unix.PROT_READ|unix.PROT_WRITE, unix.MAP_SHARED)
	if err != nil {
		return nil, nil, fmt.Errorf("mapping the shared page: %w", err)
	}
	return (*shared)(unsafe.Pointer(&mem[0])), mem, nil
}

// newShared creates the page for a new worker and returns its descriptor,
// which the caller closes once the worker has started.
func newShared() (fd int, s *shared, mem []byte, err error) {
	fd, err = unix.MemfdCreate("pwbconf-sandbox", unix.MFD_CLOEXEC)
	if err != nil {
		return -1, nil, nil, fmt.Errorf("creating the shared page: %w", err)
	}
	if err = unix.Ftruncate(fd, int64(unix.Getpagesize())); err == nil {
		s, mem, err = mapShared(fd)
	}
	if err != nil {
		unix.Close(fd)
		return -1, nil, nil, err
	}
	return fd, s, mem, nil
}
